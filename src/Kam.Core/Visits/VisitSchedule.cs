using Kam.Core.Accounts;

namespace Kam.Core.Visits;

/// <summary>
/// When an account's next visit is due: <see cref="Account.VisitDueBase"/> (the last visit, or the day it entered
/// the archive) plus the policy's days for its tier. Archived and lost accounts owe no visit. The conditions are
/// written per tier against the base date, so the database answers them from the (owner, archived, base) indexes
/// however many accounts there are.
/// </summary>
public static class VisitSchedule
{
    public static DateOnly DueOn(AccountTier tier, DateOnly visitDueBase, VisitPolicy policy) => visitDueBase.AddDays(policy.DaysFor(tier));

    /// <summary>Accounts whose next visit falls due on or before <paramref name="date"/>.</summary>
    public static IQueryable<Account> DueBy(this IQueryable<Account> accounts, VisitPolicy policy, DateOnly date)
    {
        DateOnly a = date.AddDays(-policy.A), b = date.AddDays(-policy.B), c = date.AddDays(-policy.C);
        return accounts.Where(x => x.ArchivedAt == null && x.Status != AccountStatus.Lost
            && ((x.Tier == AccountTier.A && x.VisitDueBase <= a)
                || (x.Tier == AccountTier.B && x.VisitDueBase <= b)
                || (x.Tier == AccountTier.C && x.VisitDueBase <= c)));
    }

    /// <summary>Accounts whose visit is overdue on <paramref name="today"/> (due before it).</summary>
    public static IQueryable<Account> Overdue(this IQueryable<Account> accounts, VisitPolicy policy, DateOnly today) =>
        accounts.DueBy(policy, today.AddDays(-1));

    /// <summary>Accounts due from <paramref name="today"/> to <paramref name="days"/> days ahead, not yet overdue.</summary>
    public static IQueryable<Account> DueWithin(this IQueryable<Account> accounts, VisitPolicy policy, DateOnly today, int days)
    {
        DateOnly a = today.AddDays(-policy.A), b = today.AddDays(-policy.B), c = today.AddDays(-policy.C);
        return accounts.DueBy(policy, today.AddDays(days)).Where(x => (x.Tier == AccountTier.A && x.VisitDueBase >= a)
            || (x.Tier == AccountTier.B && x.VisitDueBase >= b)
            || (x.Tier == AccountTier.C && x.VisitDueBase >= c));
    }

    /// <summary>
    /// The same conditions one tier at a time (<c>tier = t AND clock &lt;= cutoff</c>): each is a range of the
    /// (tier, archived, clock, status, owner) index, so counting and paging read only the accounts that owe a visit.
    /// <paramref name="dueSoonDays"/> null: overdue; otherwise due from today to that many days ahead.
    /// </summary>
    public static IQueryable<Account> Owing(this IQueryable<Account> accounts, VisitPolicy policy, DateOnly today, AccountTier tier, int? dueSoonDays)
    {
        var days = policy.DaysFor(tier);
        var owing = accounts.Where(x => x.Tier == tier && x.ArchivedAt == null && x.Status != AccountStatus.Lost);
        if (dueSoonDays is not { } soon)
        {
            var cutoff = today.AddDays(-1 - days);
            return owing.Where(x => x.VisitDueBase <= cutoff);
        }
        DateOnly from = today.AddDays(-days), to = today.AddDays(soon - days);
        return owing.Where(x => x.VisitDueBase >= from && x.VisitDueBase <= to);
    }
}
