using Kam.Core.Accounts;
using Kam.Core.Appraisals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Ledger;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Commission;

/// <summary>
/// Reads what the month's statements are computed from: the payments received in it (not reversed) or the contracts
/// signed in it, each credited as the ledger credits it (the owner when recorded, or the head's split), a payment split
/// by its order's lines when a brand or series has its own rate; the people's targets and appraisal coefficients; the
/// accounts with receivables long overdue; earlier holds now free; payments counted earlier and reversed this month.
/// </summary>
public sealed class CommissionSources(IKamDb db)
{
    private static readonly ContractStatus[] SignedStatuses = [ContractStatus.Signed, ContractStatus.InForce, ContractStatus.Expired, ContractStatus.Terminated];

    private sealed record Raw(Guid Id, Guid AccountId, Guid? OrderId, string? Reference, decimal Amount, DateOnly On, Guid? Credited, string? Shares, bool Late = false);

    public async Task<Dictionary<Guid, StatementInput>> ReadAsync(CommissionDefinition d, DateOnly month, DateOnly today, IReadOnlyCollection<Guid> people,
        CancellationToken ct, DateOnly? until = null)
    {
        var (start, end) = (month, until ?? month.AddMonths(1).AddDays(-1));
        // One person (the calculator, the workbench): only the payments credited to them or split with them.
        var payments = db.Unscoped<Payment>().AsNoTracking().Where(p => p.ReceivedOn >= start && p.ReceivedOn <= end && p.ReversedAt == null);
        if (people.Count == 1)
        {
            var only = people.First();
            var share = only.ToString("D");
            payments = payments.Where(p => (p.CreditShares == null && p.CreditedToId == only) || (p.CreditShares != null && p.CreditShares.Contains(share)));
        }
        var raws = d.Base == CommissionBase.Collected
            ? await payments
                .Select(p => new Raw(p.Id, p.AccountId, p.OrderId, p.Reference, p.Amount, p.ReceivedOn, p.CreditedToId, p.CreditShares)).ToListAsync(ct)
            : await db.Unscoped<Contract>().AsNoTracking().Where(c => c.SignedOn >= start && c.SignedOn <= end && c.ArchivedAt == null && SignedStatuses.Contains(c.Status))
                .Select(c => new Raw(c.Id, c.AccountId, null, c.Number, c.Amount, c.SignedOn!.Value, c.CreditedToId ?? c.OwnerId, c.CreditShares)).ToListAsync(ct);
        if (d.Base == CommissionBase.Collected && until is null)
            raws.AddRange(await LateAsync(month, ct));
        var wanted = people.ToHashSet();

        // Where each payment came from: its order's number (or its contract's), and its order's lines by brand and series.
        var orderIds = raws.Where(r => r.OrderId is not null).Select(r => r.OrderId!.Value).Distinct().ToList();
        var orderNumbers = await Chunked(orderIds, ids => db.Unscoped<Order>().AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Number }), ct);
        var numbers = orderNumbers.ToDictionary(o => o.Id, o => o.Number);
        var bySpecial = (d.Special ?? []).Any(s => s.Kind is SpecialKind.Brand or SpecialKind.Series);
        var parts = new Dictionary<Guid, List<(string? Brand, string? Series, decimal Amount)>>();
        if (bySpecial && orderIds.Count > 0)
        {
            var lines = await Chunked(orderIds, ids => from l in db.Unscoped<OrderLine>().AsNoTracking()
                                                       where ids.Contains(l.OrderId)
                                                       join p in db.Unscoped<Product>() on l.ProductId equals p.Id
                                                       select new { l.OrderId, l.Amount, p.Brand, p.Series }, ct);
            foreach (var g in lines.GroupBy(l => l.OrderId))
                parts[g.Key] = g.GroupBy(l => (l.Brand, l.Series)).Select(x => ((string?)x.Key.Brand, (string?)x.Key.Series, x.Sum(l => l.Amount))).ToList();
        }
        var accountIds = raws.Select(r => r.AccountId).Distinct().ToList();
        var accounts = (await Chunked(accountIds, ids => db.Unscoped<Account>().AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Category, a.BecameActiveOn, a.OwnerId }), ct)).ToDictionary(a => a.Id);

        var items = new Dictionary<Guid, List<BaseItem>>();
        foreach (var raw in raws)
        {
            var account = accounts.GetValueOrDefault(raw.AccountId);
            var credited = raw.Credited ?? account?.OwnerId ?? Guid.Empty;
            var reference = raw.OrderId is { } order && numbers.TryGetValue(order, out var number) ? number : raw.Reference ?? "";
            if (raw.Late)
                reference = $"{reference} {raw.On:yyyy-MM-dd}".Trim();
            var isNew = account?.BecameActiveOn is { } active && active > end.AddYears(-1);
            foreach (var (person, fen, _) in CreditShares.Split(raw.Shares, credited, Fen.Of(raw.Amount), 1))
            {
                if (!wanted.Contains(person))
                    continue;
                var share = Fen.ToYuan(fen);
                var list = items.TryGetValue(person, out var l) ? l : items[person] = [];
                foreach (var (brand, series, amount) in Split(raw.OrderId is { } o ? parts.GetValueOrDefault(o) : null, share))
                    list.Add(new BaseItem(raw.Id, reference, raw.AccountId, raw.On, amount, brand, series, isNew, account?.Category ?? AccountCategory.Other));
            }
        }

        var metric = d.Base == CommissionBase.Collected ? TargetMetric.Collected : TargetMetric.Signed;
        var targets = (await (from l in db.Unscoped<TargetLine>().AsNoTracking()
                              join s in db.Unscoped<TargetSheet>() on l.SheetId equals s.Id
                              where s.Month == month && s.Metric == metric
                              select new { l.PersonId, l.Target, l.Challenge }).ToListAsync(ct))
            .GroupBy(t => t.PersonId).ToDictionary(g => g.Key, g => (Target: g.Sum(t => t.Target), Challenge: g.Sum(t => t.Challenge)));
        var sheets = (await db.Unscoped<Appraisal>().AsNoTracking().Where(a => a.Month == month && a.Total != null)
            .Select(a => new { a.PersonId, a.Coefficient, a.Grade }).ToListAsync(ct)).ToDictionary(a => a.PersonId);

        // Holds of approved runs not paid out yet, and the accounts (theirs and this month's) with receivables long overdue.
        var peopleIds = people.ToList();
        var holds = await (from l in db.Unscoped<CommissionLine>().AsNoTracking()
                           where peopleIds.Contains(l.PersonId) && l.Kind == LineKind.Hold && l.ReleasedByRunId == null
                           join r in db.Unscoped<CommissionRun>() on l.RunId equals r.Id
                           where r.Status == RunStatus.Approved
                           select new { l.Id, l.PersonId, l.SourceId, l.AccountId, l.Reference, l.Amount, r.Month }).ToListAsync(ct);
        var watched = accountIds.Concat(holds.Where(h => h.AccountId is not null).Select(h => h.AccountId!.Value)).Distinct().ToList();
        var overdueBefore = today.AddDays(-d.OverdueDays);
        var overdue = (await Chunked(watched, ids => db.Unscoped<Instalment>().AsNoTracking()
            .Where(i => ids.Contains(i.AccountId) && !i.Settled && i.DueOn < overdueBefore && i.Amount > i.Collected).Select(i => i.AccountId).Distinct(), ct)).ToHashSet();

        var clawbacks = new Dictionary<Guid, List<Clawback>>();
        if (d.Base == CommissionBase.Collected)
        {
            var (from, to) = (BusinessClock.StartOf(start), BusinessClock.StartOf(end.AddDays(1)));
            var reversed = await db.Unscoped<Payment>().AsNoTracking().Where(p => p.ReversedAt >= from && p.ReversedAt < to).Select(p => p.Id).ToListAsync(ct);
            if (reversed.Count > 0)
            {
                var counted = await Chunked(reversed, ids => from l in db.Unscoped<CommissionLine>().AsNoTracking()
                                                             where (l.Kind == LineKind.Base || l.Kind == LineKind.Clawback) && l.SourceId != null && ids.Contains(l.SourceId!.Value)
                                                             join r in db.Unscoped<CommissionRun>() on l.RunId equals r.Id
                                                             where r.Status == RunStatus.Approved
                                                             join s in db.Unscoped<CommissionStatement>() on l.StatementId equals s.Id
                                                             select new { l.PersonId, l.Kind, SourceId = l.SourceId!.Value, l.AccountId, l.Reference, l.Amount, s.Coefficient, r.Month }, ct);
                foreach (var g in counted.Where(c => wanted.Contains(c.PersonId)).GroupBy(c => (c.PersonId, c.SourceId)))
                {
                    // Taken back once: a payment already clawed back in an approved run is not again.
                    if (g.Any(c => c.Kind == LineKind.Clawback))
                        continue;
                    var earned = CommissionEngine.Round(g.Sum(c => c.Amount * c.Coefficient));
                    if (earned == 0)
                        continue;
                    var first = g.First();
                    var list = clawbacks.TryGetValue(g.Key.PersonId, out var l) ? l : clawbacks[g.Key.PersonId] = [];
                    list.Add(new Clawback(g.Key.SourceId, first.AccountId ?? Guid.Empty, first.Reference ?? "", earned, Period.MonthOf(first.Month).ToString()));
                }
            }
        }

        return people.ToDictionary(p => p, p =>
        {
            var target = targets.TryGetValue(p, out var t) ? t : default;
            var sheet = sheets.GetValueOrDefault(p);
            var releases = holds.Where(h => h.PersonId == p && (h.AccountId is not { } a || !overdue.Contains(a)))
                .Select(h => new Release(h.Id, h.SourceId, h.AccountId, h.Reference, -h.Amount, Period.MonthOf(h.Month).ToString())).ToList();
            return new StatementInput(items.GetValueOrDefault(p) ?? [], target.Target > 0 ? target.Target : null, target.Challenge > 0 ? target.Challenge : null,
                sheet?.Coefficient, sheet?.Grade, overdue, releases, clawbacks.GetValueOrDefault(p) ?? []);
        });
    }

    /// <summary>One person's month so far (to <paramref name="today"/>) for an estimate: what a run would read, without the
    /// releases and clawbacks that only a run settles.</summary>
    public async Task<StatementInput> MonthSoFarAsync(CommissionDefinition d, Guid person, DateOnly today, CancellationToken ct)
    {
        var input = (await ReadAsync(d, Period.MonthOf(today).Start, today, [person], ct, until: today))[person];
        return input with { Releases = [], Clawbacks = [] };
    }

    /// <summary>
    /// Payments of a month whose run is approved but that no approved run counted (entered late, 补录): counted in the next
    /// run instead, once, dated so that the line says when the money came. Looked for over the last <see cref="LateMonths"/>
    /// months, each through the lines' index on their source.
    /// </summary>
    private async Task<List<Raw>> LateAsync(DateOnly month, CancellationToken ct)
    {
        var from = month.AddMonths(-LateMonths);
        var approved = (await db.Unscoped<CommissionRun>().AsNoTracking().Where(r => r.Status == RunStatus.Approved && r.Month >= from && r.Month < month)
            .Select(r => r.Month).Distinct().ToListAsync(ct)).ToHashSet();
        if (approved.Count == 0)
            return [];
        var start = approved.Min();
        var late = await db.Unscoped<Payment>().AsNoTracking()
            .Where(p => p.ReceivedOn >= start && p.ReceivedOn < month && p.ReversedAt == null
                && !db.Unscoped<CommissionLine>().Any(l => l.SourceId == p.Id && l.Kind == LineKind.Base
                    && db.Unscoped<CommissionRun>().Any(r => r.Id == l.RunId && r.Status == RunStatus.Approved)))
            .Select(p => new Raw(p.Id, p.AccountId, p.OrderId, p.Reference, p.Amount, p.ReceivedOn, p.CreditedToId, p.CreditShares, true)).ToListAsync(ct);
        return late.Where(p => approved.Contains(new DateOnly(p.On.Year, p.On.Month, 1))).ToList();
    }

    /// <summary>How far back a late payment is looked for.</summary>
    public const int LateMonths = 3;

    /// <summary>A share of a payment split by its order's lines (brand and series) in proportion, the last part taking the
    /// remainder so that the parts add up to the fen; the whole share when the order has no lines to go by.</summary>
    private static IEnumerable<(string? Brand, string? Series, decimal Amount)> Split(List<(string? Brand, string? Series, decimal Amount)>? lines, decimal share)
    {
        var total = lines?.Sum(l => l.Amount) ?? 0;
        if (lines is null || lines.Count <= 1 || total <= 0)
        {
            yield return (lines is { Count: 1 } ? lines[0].Brand : null, lines is { Count: 1 } ? lines[0].Series : null, share);
            yield break;
        }
        decimal given = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var amount = i == lines.Count - 1 ? share - given : CommissionEngine.Round(share * lines[i].Amount / total);
            given += amount;
            yield return (lines[i].Brand, lines[i].Series, amount);
        }
    }

    /// <summary>Runs a query over ids in chunks (a month of a big book is thousands of ids: one IN list each 2,000).</summary>
    private static async Task<List<T>> Chunked<T>(List<Guid> ids, Func<List<Guid>, IQueryable<T>> query, CancellationToken ct)
    {
        var all = new List<T>();
        foreach (var chunk in ids.Chunk(2000))
            all.AddRange(await query(chunk.ToList()).ToListAsync(ct));
        return all;
    }
}
