using System.Linq.Expressions;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Ledger;
using Kam.Core.Orders;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Payments;

/// <summary>
/// Receivables (应收) of the department, a person or an account, as of the business day: open amounts by due date
/// and aging bucket, collected this month and year, grouped by person or account, and the open instalments.
/// <para>
/// The figures come from the ledger (<see cref="LedgerFact"/>): the open balances per due date and the collections per
/// day, in whole fen, summed by the database; never from re-reading the 800,000 instalments and 550,000 payments. The
/// list of open instalments reads the instalments themselves, a page at a time.
/// </para>
/// </summary>
public sealed class Receivables(IKamDb db, ICurrentUser me, TimeProvider clock)
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
        // From the ledger, in whole fen summed by the database: the department's or a person's figures from the
        // per-person days; an account's, or an account manager's (whose accounts include their teams'), per account.
        var facts = Facts(q);
        var perPerson = q.AccountId is null && DataScope.SeesAllAccounts(me);
        var days = db.Read<LedgerDay>();
        if (q.OwnerId is { } owner)
            days = days.Where(d => d.PersonId == owner);

        if (q.GroupBy == "person" && perPerson)
        {
            // Every person's open balances and collections (a few hundred people): the total is their sum.
            var everyone = Merge(await OpenBy(days, d => d.PersonId, today).ToListAsync(ct),
                await CollectedByAsync(days, d => d.PersonId, yearStart, monthStart, today, ct));
            return await Grouped(q, today, TotalOf(everyone), everyone, ct);
        }

        // The department's total from its days; a person's from theirs; an account's or an account manager's per account.
        var total = perPerson && q.OwnerId is null
            ? await TotalByDayAsync(db.Read<LedgerTotal>(), today, yearStart, monthStart, ct)
            : perPerson
                ? await TotalByDayAsync(days, today, yearStart, monthStart, ct)
                : await TotalByDayAsync(facts, today, yearStart, monthStart, ct);
        if (string.IsNullOrEmpty(q.GroupBy))
            return new ReceivableSummary(today, total, null, []);

        // Per account (or per person within what an account manager sees): the most overdue first, ranked and cut by
        // the database on two sums; then the aging buckets and the year's collections of those groups only, through the
        // ledger's (metric, account) index (of all groups' collections when the cut is not clean).
        var byPerson = q.GroupBy == "person";
        Expression<Func<LedgerFact, Guid>> key = byPerson ? f => f.PersonId : f => f.AccountId;
        var ranked = await facts.Where(f => f.Metric == ReceivableMetric).GroupBy(key)
            .Select(g => new { Id = g.Key, Overdue = g.Sum(f => f.Day < today ? f.Fen : 0), Open = g.Sum(f => f.Fen) })
            .OrderByDescending(g => g.Overdue).ThenByDescending(g => g.Open).Take(MaxGroups).ToListAsync(ct);
        var ids = ranked.Select(g => g.Id).ToList();
        var chosen = byPerson ? facts.Where(f => ids.Contains(f.PersonId)) : facts.Where(f => ids.Contains(f.AccountId));
        var open = await OpenBy(chosen, key, today).ToListAsync(ct);
        var clean = ranked.Count == MaxGroups && ranked[^1].Open > 0;
        var collected = await CollectedByAsync(clean ? chosen : facts, key, yearStart, monthStart, today, ct);
        return await Grouped(q, today, total, Merge(open, collected), ct);
    }

    private async Task<ReceivableSummary> Grouped(ReceivableQuery q, DateOnly today, ReceivableFigures total, IEnumerable<GroupSums> all, CancellationToken ct)
    {
        var sums = all.OrderByDescending(g => g.Overdue).ThenByDescending(g => g.Open).ThenByDescending(g => g.Year).Take(MaxGroups).ToList();
        var ids = sums.Select(g => g.Id).ToList();
        var named = q.GroupBy == "person" ? await PersonNames(ids, ct) : await AccountNames(ids, ct);
        var groups = sums.Select(g =>
        {
            var overdue = g.Days0To30 + g.Days31To60 + g.Days61To90 + g.Over90;
            var figures = new ReceivableFigures(Fen.ToYuan(g.Due + overdue), Fen.ToYuan(g.Due), Fen.ToYuan(overdue), Fen.ToYuan(g.Days0To30),
                Fen.ToYuan(g.Days31To60), Fen.ToYuan(g.Days61To90), Fen.ToYuan(g.Over90), g.OpenCount, g.OverdueCount, Fen.ToYuan(g.Month), Fen.ToYuan(g.Year));
            return new ReceivableGroup(g.Id, named.GetValueOrDefault(g.Id, ""), figures);
        }).ToList();
        return new ReceivableSummary(today, total, q.GroupBy, groups);
    }

    /// <summary>The figures from the open balances per due date and the year's collections per day (a few hundred sums).</summary>
    private static async Task<ReceivableFigures> TotalByDayAsync<T>(IQueryable<T> figures, DateOnly today, DateOnly yearStart, DateOnly monthStart, CancellationToken ct)
        where T : class, ILedgerFigure
    {
        var byDue = await figures.Where(f => f.Metric == ReceivableMetric).GroupBy(f => f.Day)
            .Select(g => new DaySum { Day = g.Key, Fen = g.Sum(f => f.Fen), Count = g.Sum(f => f.Count) }).ToListAsync(ct);
        var byDay = await figures.Where(f => f.Metric == CollectedMetric && f.Day >= yearStart && f.Day <= today).GroupBy(f => f.Day)
            .Select(g => new DaySum { Day = g.Key, Fen = g.Sum(f => f.Fen) }).ToListAsync(ct);
        return Figures(byDue.Select(d => new OpenRow(d.Day, Fen.ToYuan(d.Fen), d.Count)), byDay.Select(d => new CollectedRow(d.Day, Fen.ToYuan(d.Fen))), today, monthStart);
    }

    /// <summary>The open balances per group, in the aging buckets.</summary>
    private static IQueryable<GroupSums> OpenBy<T>(IQueryable<T> figures, Expression<Func<T, Guid>> key, DateOnly today)
        where T : class, ILedgerFigure
    {
        var (d30, d60, d90) = (today.AddDays(-30), today.AddDays(-60), today.AddDays(-90));
        return figures.Where(f => f.Metric == ReceivableMetric).GroupBy(key).Select(g => new GroupSums
        {
            Id = g.Key,
            Due = g.Sum(f => f.Day >= today ? f.Fen : 0),
            Days0To30 = g.Sum(f => f.Day < today && f.Day >= d30 ? f.Fen : 0),
            Days31To60 = g.Sum(f => f.Day < d30 && f.Day >= d60 ? f.Fen : 0),
            Days61To90 = g.Sum(f => f.Day < d60 && f.Day >= d90 ? f.Fen : 0),
            Over90 = g.Sum(f => f.Day < d90 ? f.Fen : 0),
            OpenCount = g.Sum(f => f.Count),
            OverdueCount = g.Sum(f => f.Day < today ? f.Count : 0),
        });
    }

    /// <summary>
    /// The collections of this year and month per group: two sums over two ranges of days, each a plain sum (a month
    /// condition inside the year's sum makes the database carry the day of every row into its grouping, twice the time).
    /// </summary>
    private static async Task<List<GroupSums>> CollectedByAsync<T>(IQueryable<T> figures, Expression<Func<T, Guid>> key, DateOnly yearStart,
        DateOnly monthStart, DateOnly today, CancellationToken ct)
        where T : class, ILedgerFigure
    {
        var collected = figures.Where(f => f.Metric == CollectedMetric && f.Day <= today);
        var year = await collected.Where(f => f.Day >= yearStart).GroupBy(key).Select(g => new { g.Key, Fen = g.Sum(f => f.Fen) }).ToListAsync(ct);
        var month = await collected.Where(f => f.Day >= monthStart).GroupBy(key).Select(g => new { g.Key, Fen = g.Sum(f => f.Fen) })
            .ToDictionaryAsync(g => g.Key, g => g.Fen, ct);
        return year.Select(g => new GroupSums { Id = g.Key, Year = g.Fen, Month = month.GetValueOrDefault(g.Key) }).ToList();
    }

    private static List<GroupSums> Merge(List<GroupSums> open, List<GroupSums> collected)
    {
        var byId = open.ToDictionary(g => g.Id);
        foreach (var c in collected)
            byId[c.Id] = byId.TryGetValue(c.Id, out var o) ? o with { Month = c.Month, Year = c.Year } : c;
        return byId.Values.ToList();
    }

    private static ReceivableFigures TotalOf(IReadOnlyCollection<GroupSums> groups)
    {
        long Sum(Func<GroupSums, long> of) => groups.Sum(of);
        var overdue = Sum(g => g.Overdue);
        return new ReceivableFigures(Fen.ToYuan(Sum(g => g.Open)), Fen.ToYuan(Sum(g => g.Due)), Fen.ToYuan(overdue), Fen.ToYuan(Sum(g => g.Days0To30)),
            Fen.ToYuan(Sum(g => g.Days31To60)), Fen.ToYuan(Sum(g => g.Days61To90)), Fen.ToYuan(Sum(g => g.Over90)), groups.Sum(g => g.OpenCount),
            groups.Sum(g => g.OverdueCount), Fen.ToYuan(Sum(g => g.Month)), Fen.ToYuan(Sum(g => g.Year)));
    }

    private const LedgerMetric ReceivableMetric = LedgerMetric.Receivable;
    private const LedgerMetric CollectedMetric = LedgerMetric.Collected;

    /// <summary>The ledger's figures the query covers: an account's, or a person's (the open balances of the accounts they
    /// own, the collections credited to them).</summary>
    private IQueryable<LedgerFact> Facts(ReceivableQuery q)
    {
        var facts = db.Read<LedgerFact>();
        if (q.AccountId is { } accountId)
            facts = facts.Where(f => f.AccountId == accountId);
        if (q.OwnerId is { } ownerId)
            facts = facts.Where(f => f.PersonId == ownerId);
        return facts;
    }

    private sealed class DaySum
    {
        public DateOnly Day { get; init; }

        public long Fen { get; init; }

        public int Count { get; init; }
    }

    private sealed record GroupSums
    {
        public long Overdue => Days0To30 + Days31To60 + Days61To90 + Over90;

        public long Open => Due + Overdue;

        public Guid Id { get; init; }

        public long Due { get; init; }

        public long Days0To30 { get; init; }

        public long Days31To60 { get; init; }

        public long Days61To90 { get; init; }

        public long Over90 { get; init; }

        public int OpenCount { get; init; }

        public int OverdueCount { get; init; }

        public long Month { get; init; }

        public long Year { get; init; }
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
        var owners = await db.Unscoped<User>().AsNoTracking().Where(u => ownerIds.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var contractIds = page.Where(i => i.ContractId != null).Select(i => i.ContractId!.Value).Distinct().ToList();
        var contracts = await db.Unscoped<Contract>().AsNoTracking().Where(c => contractIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var orderIds = page.Where(i => i.OrderId != null).Select(i => i.OrderId!.Value).Distinct().ToList();
        var orders = await db.Unscoped<Order>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.Number }).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
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
            var accounts = db.Unscoped<Account>().Containing(db, q.Search).Select(a => a.Id);
            items = items.Where(i => accounts.Contains(i.AccountId));
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
            var amount = row.Amount;
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

    private Task<Dictionary<Guid, string>> PersonNames(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

    private Task<Dictionary<Guid, string>> AccountNames(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        db.Unscoped<Account>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);

    private sealed record OpenRow(DateOnly DueOn, decimal Amount, int Count);

    private sealed record CollectedRow(DateOnly ReceivedOn, decimal Amount);
}
