using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Visits;

/// <summary>
/// Accounts that owe a visit by the head's visit policy (逾期拜访): overdue, or with <see cref="OverdueQuery.DueSoon"/>
/// due within 3 days. An account manager sees their own book; everyone else the department's.
/// </summary>
public sealed class OverdueVisits(IKamDb db, Settings settings, TimeProvider clock)
{
    public const int DueSoonDays = 3;

    public async Task<PagedResult<OverdueRow>> List(OverdueQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize);
        var policy = await Policy(ct);
        var today = clock.Today();
        var accounts = db.Read<Account>().AsNoTracking();
        if (q.OwnerId is { } owner)
            accounts = accounts.Where(a => a.OwnerId == owner);
        if (q.Tier is { } tier)
            accounts = accounts.Where(a => a.Tier == tier);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            accounts = accounts.Containing(db, q.Search, scoped: true);
        }
        int? soon = q.DueSoon == true ? DueSoonDays : null;
        var tiers = q.Tier is { } only ? [only] : Enum.GetValues<AccountTier>();
        // Most overdue first, exactly: the due date is the visit clock plus the tier's days, so within one tier the clock's
        // order is the due order. Each tier's first (skip + take) rows come from the (tier, archived, clock) index, and
        // the page is cut from their merge; no sort over every overdue account. The tiers' parts go in one query (UNION
        // ALL), each still read from its own range of the index: one round trip instead of one per tier.
        var want = paging.Skip + paging.SafePageSize;
        var total = await tiers.Select(t => accounts.Owing(policy, today, t, soon).Select(a => a.Id)).Aggregate((x, y) => x.Concat(y)).CountAsync(ct);
        var firsts = await tiers
            .Select(t => accounts.Owing(policy, today, t, soon).OrderBy(a => a.VisitDueBase).ThenBy(a => a.Id).Take(want)
                .Select(a => new { a.Id, a.Tier, a.VisitDueBase }))
            .Aggregate((x, y) => x.Concat(y)).ToListAsync(ct);
        var pageIds = firsts.Select(a => (a.Id, Due: a.VisitDueBase.AddDays(policy.DaysFor(a.Tier))))
            .OrderBy(c => c.Due).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.SafePageSize).Select(c => c.Id).ToList();
        var page = await (from a in db.Unscoped<Account>().AsNoTracking().Where(a => pageIds.Contains(a.Id))
                          join u in db.Unscoped<User>() on a.OwnerId equals u.Id
                          select new { a.Id, a.Name, a.Tier, a.OwnerId, u.DisplayName, a.LastVisitOn, a.VisitDueBase }).ToListAsync(ct);
        var ids = page.Select(p => p.Id).ToList();
        var planned = await db.Unscoped<Visit>().AsNoTracking().Where(v => ids.Contains(v.AccountId) && v.Status == VisitStatus.Planned && v.Date >= today)
            .GroupBy(v => v.AccountId).Select(g => new { g.Key, Next = g.Min(v => v.Date) }).ToDictionaryAsync(g => g.Key, g => g.Next, ct);
        var rows = page.Select(p =>
        {
            var due = VisitSchedule.DueOn(p.Tier, p.VisitDueBase, policy);
            return new OverdueRow(p.Id, p.Name, p.Tier, new Person(p.OwnerId, p.DisplayName), p.LastVisitOn, due, today.DayNumber - due.DayNumber,
                planned.TryGetValue(p.Id, out var next) ? next : null);
        }).OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.AccountId).ToList();
        return new PagedResult<OverdueRow>(rows, total);
    }

    /// <summary>How many accounts are overdue, per owner (the head's workbench).</summary>
    public async Task<IReadOnlyList<(Guid OwnerId, int Count)>> CountByOwner(CancellationToken ct = default)
    {
        var policy = await Policy(ct);
        var today = clock.Today();
        var counts = new Dictionary<Guid, int>();
        foreach (var tier in Enum.GetValues<AccountTier>())
        {
            // Grouped by status and owner, not by owner alone: a GROUP BY owner tempts SQLite into walking the whole owner
            // index (every account) to get the groups in order, where this reads the tier's owing range of its index.
            var groups = await db.Read<Account>().AsNoTracking().Owing(policy, today, tier, null).GroupBy(a => new { a.Status, a.OwnerId })
                .Select(g => new { g.Key.OwnerId, Count = g.Count() }).ToListAsync(ct);
            foreach (var group in groups)
                counts[group.OwnerId] = counts.GetValueOrDefault(group.OwnerId) + group.Count;
        }
        return counts.Select(c => (c.Key, c.Value)).OrderByDescending(r => r.Value).ToList();
    }

    /// <summary>The visit standing of one account; 404 outside the data scope.</summary>
    public async Task<Result<AccountVisitStatus>> ForAccount(Guid accountId, CancellationToken ct = default)
    {
        var account = await db.Read<Account>().AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.Tier, a.LastVisitOn, a.VisitDueBase, a.ArchivedAt, a.Status }).FirstOrDefaultAsync(ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        var policy = await Policy(ct);
        var today = clock.Today();
        var due = VisitSchedule.DueOn(account.Tier, account.VisitDueBase, policy);
        var next = await db.Unscoped<Visit>().AsNoTracking().Where(v => v.AccountId == accountId && v.Status == VisitStatus.Planned && v.Date >= today)
            .MinAsync(v => (DateOnly?)v.Date, ct);
        var owes = account.ArchivedAt is null && account.Status != AccountStatus.Lost;
        return new AccountVisitStatus(account.LastVisitOn, due, owes && due < today, policy.DaysFor(account.Tier), next);
    }

    public Task<VisitPolicy> Policy(CancellationToken ct) => settings.GetAsync(VisitPolicy.SettingKey, new VisitPolicy(), ct);
}
