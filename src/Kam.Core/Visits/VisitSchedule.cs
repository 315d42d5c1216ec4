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
}
