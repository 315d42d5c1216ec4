using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Orders;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Payments;

/// <summary>
/// Receivables (应收) of the department, a person or an account, as of the business day: open amounts by due date
/// and aging bucket, collected this month and year, grouped by person or account, and the open instalments.
/// <para>
/// Scale (800,000 instalments, most settled): only the open ones are read, through the (Settled, DueOn, AccountId,
/// Amount, Collected) index, and summed and grouped in memory: a GROUP BY in SQL lets SQLite walk a whole
/// account-led index instead. The account's owner comes with each row through the primary key of accounts.
/// </para>
/// </summary>
public sealed class Receivables(IKamDb db, TimeProvider clock)
{
    public const int MaxGroups = 500;

    public async Task<Result<ReceivableSummary>> Summary(ReceivableQuery q, CancellationToken ct = default)
    {
        if (q.GroupBy is not (null or "" or "person" or "account"))
            return Error.Validation("groupBy", "receivable.group_by_invalid");
        if (q.AccountId is { } accountId && !await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        var today = clock.Today();
        var yearStart = new DateOnly(today.Year, 1, 1);
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        if (string.IsNullOrEmpty(q.GroupBy))
        {
            // Without groups the figures need only the due dates: one pass over the open rows of the index, grouped by
            // due date in the index's own order (a few hundred rows come back instead of every open instalment).
            // Summed as floating point by the database's own SUM (SQLite's decimal sum is a slow user function) and
            // rounded back to the fen per day: exact for any department's money (15 significant digits).
            var byDue = await Open(q).GroupBy(i => i.DueOn)
                .Select(g => new { DueOn = g.Key, Amount = g.Sum(i => (double)i.Amount), Collected = g.Sum(i => (double)i.Collected), Count = g.Count() }).ToListAsync(ct);
            var byDay = await Payments(q).Where(p => p.ReceivedOn >= yearStart && p.ReceivedOn <= today && p.ReversedAt == null)
                .GroupBy(p => p.ReceivedOn).Select(g => new { ReceivedOn = g.Key, Amount = g.Sum(p => (double)p.Amount) }).ToListAsync(ct);
            var figures = Figures(byDue.Select(d => new OpenRow(Guid.Empty, Guid.Empty, d.DueOn, Fen(d.Amount), Fen(d.Collected), d.Count)),
                byDay.Select(d => new CollectedRow(Guid.Empty, Guid.Empty, d.ReceivedOn, Fen(d.Amount))), today, monthStart);
            return new ReceivableSummary(today, figures, null, []);
        }
        var open = await (from i in Open(q)
                          join a in db.Unscoped<Account>() on i.AccountId equals a.Id
                          select new OpenRow(i.AccountId, a.OwnerId, i.DueOn, i.Amount, i.Collected, 1)).ToListAsync(ct);
        var collected = await (from p in Payments(q)
                               where p.ReceivedOn >= yearStart && p.ReceivedOn <= today && p.ReversedAt == null
                               join a in db.Unscoped<Account>() on p.AccountId equals a.Id
                               select new CollectedRow(p.AccountId, a.OwnerId, p.ReceivedOn, p.Amount)).ToListAsync(ct);
        var total = Figures(open, collected, today, monthStart);
        var groups = q.GroupBy switch
        {
            "person" => await Groups(open, collected, r => r.OwnerId, c => c.OwnerId, PersonNames, today, monthStart, ct),
            "account" => await Groups(open, collected, r => r.AccountId, c => c.AccountId, AccountNames, today, monthStart, ct),
            _ => [],
        };
        return new ReceivableSummary(today, total, string.IsNullOrEmpty(q.GroupBy) ? null : q.GroupBy, groups);
    }

    /// <summary>The open instalments, most overdue first unless sorted otherwise, paged.</summary>
    public async Task<Result<PagedResult<ReceivableRow>>> Items(ReceivableQuery q, CancellationToken ct = default)
    {
        if (q.Bucket is { } bucket && !AgingBuckets.All.Contains(bucket))
            return Error.Validation("bucket", "receivable.bucket_invalid");
        if (q.AccountId is { } accountId && !await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var items = Filtered(q);
        var total = await items.CountAsync(ct);
        var page = await Sort(items, paging).PageOf(paging).AsNoTracking().ToListAsync(ct);
        return new PagedResult<ReceivableRow>(await Rows(page, ct), total);
    }

    /// <summary>The filtered open instalments in the list's order, for the export to stream.</summary>
    public IQueryable<Instalment> Query(ReceivableQuery q) => Sort(Filtered(q), new PageRequest(Sort: q.Sort)).AsNoTracking();

    public async Task<IReadOnlyList<ReceivableRow>> Rows(IReadOnlyList<Instalment> page, CancellationToken ct)
    {
        var today = clock.Today();
        var accountIds = page.Select(i => i.AccountId).Distinct().ToList();
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, a.OwnerId }).ToDictionaryAsync(a => a.Id, ct);
        var ownerIds = accounts.Values.Select(a => a.OwnerId).Distinct().ToList();
        var owners = await db.Unscoped<User>().AsNoTracking().Where(u => ownerIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var contractIds = page.Where(i => i.ContractId != null).Select(i => i.ContractId!.Value).Distinct().ToList();
        var contracts = await db.Unscoped<Contract>().AsNoTracking().Where(c => contractIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var orderIds = page.Where(i => i.OrderId != null).Select(i => i.OrderId!.Value).Distinct().ToList();
        var orders = await db.Unscoped<Order>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        return page.Select(i =>
        {
            var account = accounts[i.AccountId];
            return new ReceivableRow(i.Id, i.AccountId, account.Name, account.OwnerId, owners.GetValueOrDefault(account.OwnerId, ""),
                i.ContractId, i.ContractId is { } c ? contracts.GetValueOrDefault(c) : null, i.OrderId,
                i.OrderId is { } o ? orders.GetValueOrDefault(o) : null, i.No, i.DueOn, i.Amount, i.Collected, PaymentRules.Due(i),
                Math.Max(0, today.DayNumber - i.DueOn.DayNumber), i.Version);
        }).ToList();
    }

    private IQueryable<Instalment> Open(ReceivableQuery q)
    {
        // Compared with a parameter: EF writes "NOT Settled" for a constant false, which SQLite cannot seek in the index.
        var settled = false;
        var open = db.Read<Instalment>().Where(i => i.Settled == settled);
        if (q.AccountId is { } accountId)
            open = open.Where(i => i.AccountId == accountId);
        if (q.OwnerId is { } ownerId)
            open = open.Where(i => db.Unscoped<Account>().Any(a => a.Id == i.AccountId && a.OwnerId == ownerId));
        return open;
    }

    private IQueryable<Payment> Payments(ReceivableQuery q)
    {
        var payments = db.Read<Payment>();
        if (q.AccountId is { } accountId)
            payments = payments.Where(p => p.AccountId == accountId);
        if (q.OwnerId is { } ownerId)
            payments = payments.Where(p => db.Unscoped<Account>().Any(a => a.Id == p.AccountId && a.OwnerId == ownerId));
        return payments;
    }

    private IQueryable<Instalment> Filtered(ReceivableQuery q)
    {
        var today = clock.Today();
        var items = Open(q);
        if (q.InstalmentId is { } instalmentId)
            items = items.Where(i => i.Id == instalmentId);
        if (q.Overdue is { } overdue)
            items = overdue ? items.Where(i => i.DueOn < today) : items.Where(i => i.DueOn >= today);
        if (q.Bucket is { } bucket)
        {
            var (from, to) = AgingBuckets.DueOnRange(bucket, today);
            if (from is { } f)
                items = items.Where(i => i.DueOn >= f);
            if (to is { } t)
                items = items.Where(i => i.DueOn <= t);
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim().ToLowerInvariant()) + "%";
            items = items.Where(i => db.Unscoped<Account>().Any(a => a.Id == i.AccountId && EF.Functions.Like(a.SearchText, pattern, Like.EscapeCharacter)));
        }
        return items;
    }

    private static readonly Sorting<Instalment> Sorts = new Sorting<Instalment>(q => q.OrderBy(i => i.DueOn).ThenBy(i => i.Id))
        .By("amount", i => i.Amount, q => q.ThenBy(i => i.Id))
        .By("dueOn", i => i.DueOn, q => q.ThenBy(i => i.Id));

    private static IQueryable<Instalment> Sort(IQueryable<Instalment> items, PageRequest paging) => Sorts.Apply(items, paging);

    private static ReceivableFigures Figures(IEnumerable<OpenRow> open, IEnumerable<CollectedRow> collected, DateOnly today, DateOnly monthStart)
    {
        decimal due = 0, d30 = 0, d60 = 0, d90 = 0, over = 0;
        int count = 0, overdueCount = 0;
        foreach (var row in open)
        {
            var amount = Math.Max(0, row.Amount - row.Collected);
            count += row.Count;
            switch (AgingBuckets.Of(today.DayNumber - row.DueOn.DayNumber))
            {
                case AgingBuckets.Due: due += amount; continue;
                case AgingBuckets.Days0To30: d30 += amount; break;
                case AgingBuckets.Days31To60: d60 += amount; break;
                case AgingBuckets.Days61To90: d90 += amount; break;
                default: over += amount; break;
            }
            overdueCount += row.Count;
        }
        decimal month = 0, year = 0;
        foreach (var row in collected)
        {
            year += row.Amount;
            if (row.ReceivedOn >= monthStart)
                month += row.Amount;
        }
        var overdue = d30 + d60 + d90 + over;
        return new ReceivableFigures(due + overdue, due, overdue, d30, d60, d90, over, count, overdueCount, month, year);
    }

    private static async Task<IReadOnlyList<ReceivableGroup>> Groups(List<OpenRow> open, List<CollectedRow> collected, Func<OpenRow, Guid> key,
        Func<CollectedRow, Guid> collectedKey, Func<IReadOnlyCollection<Guid>, CancellationToken, Task<Dictionary<Guid, string>>> names,
        DateOnly today, DateOnly monthStart, CancellationToken ct)
    {
        var openBy = open.ToLookup(key);
        var collectedBy = collected.ToLookup(collectedKey);
        var figures = openBy.Select(g => g.Key).Union(collectedBy.Select(g => g.Key))
            .Select(id => (Id: id, Figures: Figures(openBy[id], collectedBy[id], today, monthStart)))
            .OrderByDescending(g => g.Figures.Overdue).ThenByDescending(g => g.Figures.Open).ThenByDescending(g => g.Figures.CollectedThisYear)
            .Take(MaxGroups).ToList();
        var named = await names(figures.Select(g => g.Id).ToList(), ct);
        return figures.Select(g => new ReceivableGroup(g.Id, named.GetValueOrDefault(g.Id, ""), g.Figures)).ToList();
    }

    private static decimal Fen(double amount) => Math.Round((decimal)amount, 2, MidpointRounding.AwayFromZero);

    private Task<Dictionary<Guid, string>> PersonNames(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

    private Task<Dictionary<Guid, string>> AccountNames(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Unscoped<Account>().AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

    private sealed record OpenRow(Guid AccountId, Guid OwnerId, DateOnly DueOn, decimal Amount, decimal Collected, int Count);

    private sealed record CollectedRow(Guid AccountId, Guid OwnerId, DateOnly ReceivedOn, decimal Amount);
}
