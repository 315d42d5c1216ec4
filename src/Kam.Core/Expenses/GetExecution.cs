using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Ledger;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

public sealed record ExecutionRow(string Key, string Name, decimal Budget, decimal Committed, decimal Used, decimal Remaining, decimal? PercentUsed, int? AlertPercent);

public sealed record ExecutionMonth(int Month, decimal Budget, decimal Committed, decimal Used);

/// <summary>Budget execution (预算执行) of a year, grouped by category, person or month, with the year's months for the
/// chart. An account manager sees their own allocation and spending.</summary>
public sealed record ExecutionView(int Year, string GroupBy, bool HasBudget, BudgetStatus? BudgetStatus, IReadOnlyList<ExecutionRow> Rows, ExecutionRow Total,
    IReadOnlyList<ExecutionMonth> Months);

public sealed record CostRow(Guid Id, string Name, string? OwnerName, decimal Spent, decimal Collected, decimal Signed, decimal? CostPerHundred);

/// <summary>Cost against results (费效比): what was spent on each account (or by each person) in a year against what it
/// collected and signed, the highest spend for the lowest return first.</summary>
public sealed record CostView(int Year, string By, IReadOnlyList<CostRow> Rows, int Total);

public sealed class GetExecution(IKamDb db, ICurrentUser me, ExpenseCategories categories)
{
    /// <summary>Cost per account ranks the accounts spent on most in the year, this many of them ("the top spenders with
    /// low returns first"): at 50,000 accounts, reading every account's collections cost more than the page.</summary>
    public const int TopSpenders = 500;

    public static readonly string[] Groupings = ["category", "person", "month"];

    public async Task<Result<ExecutionView>> Handle(int? year, string? groupBy, CancellationToken ct = default)
    {
        if (year is not { } y || y is < 2000 or > 2100)
            return Error.Validation("year", "budget.year_invalid");
        var by = string.IsNullOrEmpty(groupBy) ? "category" : groupBy.ToLowerInvariant();
        if (!Groupings.Contains(by))
            return Error.Validation("groupBy", "field.invalid");
        var department = DataScope.SeesAllAccounts(me);
        var budget = await db.Read<Budget>().AsNoTracking().Where(b => b.Year == y).Select(b => new { b.Id, b.Status }).FirstOrDefaultAsync(ct);
        // Only an approved budget is in force; a draft's figures are not a budget yet.
        var lines = budget is { Status: BudgetStatus.Approved }
            ? await db.Read<BudgetLine>().AsNoTracking().Where(l => l.BudgetId == budget.Id).Select(l => new { l.Category, l.Month, l.PersonId, l.Amount }).ToListAsync(ct)
            : [];
        var usageRows = db.Read<BudgetUsage>().AsNoTracking().Where(u => u.Year == y);
        // By category or month the department's roles read the department's cells only; by person, everyone's.
        if (department && by != "person")
            usageRows = usageRows.Where(u => u.PersonId == Guid.Empty);
        var usage = await usageRows.Select(u => new { u.Category, u.Month, u.PersonId, u.Committed, u.Used }).ToListAsync(ct);
        var known = (await categories.GetAsync(ct)).ToDictionary(c => c.Code);
        // The department's cells for the department's roles; an account manager's own for them.
        var mine = me.Id ?? Guid.Empty;
        var cellLines = lines.Where(l => department ? l.PersonId is null : l.PersonId == mine).ToList();
        var cellUsage = usage.Where(u => department ? u.PersonId == Guid.Empty : u.PersonId == mine).ToList();
        List<ExecutionRow> rows;
        if (by == "person")
        {
            var people = lines.Where(l => l.PersonId is not null).Select(l => l.PersonId!.Value)
                .Concat(usage.Where(u => u.PersonId != Guid.Empty).Select(u => u.PersonId)).Distinct().ToList();
            if (!department)
                people = people.Where(p => p == mine).ToList();
            var names = await db.Unscoped<User>().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var budgetOf = lines.Where(l => l.PersonId is not null).GroupBy(l => l.PersonId!.Value).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
            var usageOf = usage.GroupBy(u => u.PersonId).ToDictionary(g => g.Key, g => (Committed: g.Sum(u => u.Committed), Used: g.Sum(u => u.Used)));
            rows = people.Select(p => Row(p.ToString(), names.GetValueOrDefault(p, ""), budgetOf.GetValueOrDefault(p),
                    usageOf.GetValueOrDefault(p).Committed, usageOf.GetValueOrDefault(p).Used, null))
                .OrderByDescending(r => r.Used).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        }
        else if (by == "month")
        {
            rows = Enumerable.Range(1, 12).Select(m => Row(m.ToString(), $"{y}-{m:00}", cellLines.Where(l => l.Month == m).Sum(l => l.Amount),
                cellUsage.Where(u => u.Month == m).Sum(u => u.Committed), cellUsage.Where(u => u.Month == m).Sum(u => u.Used), null)).ToList();
        }
        else
        {
            var codes = known.Keys.Concat(cellLines.Select(l => l.Category)).Concat(cellUsage.Select(u => u.Category)).Distinct().ToList();
            rows = codes.Select(c => Row(c, ExpenseCategories.NameOf(known.GetValueOrDefault(c), c), cellLines.Where(l => l.Category == c).Sum(l => l.Amount),
                    cellUsage.Where(u => u.Category == c).Sum(u => u.Committed), cellUsage.Where(u => u.Category == c).Sum(u => u.Used), known.GetValueOrDefault(c)?.AlertPercent))
                .Where(r => r.Budget != 0 || r.Committed != 0 || r.Used != 0 || known.GetValueOrDefault(r.Key)?.Active == true).ToList();
        }
        var total = Row("total", Text.Get("expense.total"), cellLines.Sum(l => l.Amount), cellUsage.Sum(u => u.Committed), cellUsage.Sum(u => u.Used), null);
        var months = Enumerable.Range(1, 12).Select(m => new ExecutionMonth(m, cellLines.Where(l => l.Month == m).Sum(l => l.Amount),
            cellUsage.Where(u => u.Month == m).Sum(u => u.Committed), cellUsage.Where(u => u.Month == m).Sum(u => u.Used))).ToList();
        return new ExecutionView(y, by, budget is { Status: BudgetStatus.Approved }, budget?.Status, rows, total, months);
    }

    private static ExecutionRow Row(string key, string name, decimal budget, decimal committed, decimal used, int? alert) =>
        new(key, name, budget, committed, used, budget - committed - used, budget > 0 ? Math.Round(used * 100 / budget, 1) : null, alert);

    /// <summary>Cost per account or per person from the ledger: spending (approved claims), collections, signed contracts.</summary>
    public async Task<Result<CostView>> Cost(int? year, string? by, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        if (year is not { } y || y is < 2000 or > 2100)
            return Error.Validation("year", "budget.year_invalid");
        var grouping = string.IsNullOrEmpty(by) ? "account" : by.ToLowerInvariant();
        if (grouping is not ("account" or "person"))
            return Error.Validation("by", "field.invalid");
        var from = new DateOnly(y, 1, 1);
        var to = new DateOnly(y, 12, 31);
        var paging = new PageRequest(page, pageSize);
        if (grouping == "person")
        {
            var days = db.Read<LedgerDay>().Where(d => d.Day >= from && d.Day <= to);
            var spent = await days.Where(d => d.Metric == LedgerMetric.Expense).GroupBy(d => d.PersonId).Select(g => new { g.Key, Fen = g.Sum(d => d.Fen) }).ToListAsync(ct);
            var ids = spent.Select(s => s.Key).ToList();
            var others = await days.Where(d => ids.Contains(d.PersonId) && (d.Metric == LedgerMetric.Collected || d.Metric == LedgerMetric.Signed))
                .GroupBy(d => new { d.PersonId, d.Metric }).Select(g => new { g.Key.PersonId, g.Key.Metric, Fen = g.Sum(d => d.Fen) }).ToListAsync(ct);
            var names = await db.Unscoped<User>().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var rows = spent.Select(s => CostOf(s.Key, names.GetValueOrDefault(s.Key, ""), null, s.Fen,
                others.Where(o => o.PersonId == s.Key && o.Metric == LedgerMetric.Collected).Sum(o => o.Fen),
                others.Where(o => o.PersonId == s.Key && o.Metric == LedgerMetric.Signed).Sum(o => o.Fen))).ToList();
            return Ranked(y, grouping, rows, paging);
        }
        // The accounts spent on in the year, each with its collections and signings read through the per-account index
        // (a seek each, not a scan of the year's every payment), ranked and paged by the database: only the page's rows
        // come back, and only they are named.
        var facts = db.Read<LedgerFact>().Where(f => f.Day >= from && f.Day <= to);
        // An account manager sees what they spent on their accounts, not what others' claims did.
        var spentFacts = facts.Where(f => f.Metric == LedgerMetric.Expense);
        if (!DataScope.SeesAllAccounts(me))
            spentFacts = me.Id is { } mine ? spentFacts.Where(f => f.PersonId == mine) : spentFacts.Where(f => false);
        // The accounts spent on most (TopSpenders of them), each with its collections read through the per-account index,
        // in one statement; ranked here: nothing collected first, then the most spent per yuan collected.
        var spenders = await spentFacts.GroupBy(f => f.AccountId)
            .Select(g => new { Id = g.Key, Spent = g.Sum(f => f.Fen) })
            .Where(x => x.Spent > 0)
            .OrderByDescending(x => x.Spent).Take(TopSpenders)
            .Select(e => new { e.Id, e.Spent, Collected = facts.Where(c => c.Metric == LedgerMetric.Collected && c.AccountId == e.Id).Sum(c => (long?)c.Fen) ?? 0 })
            .ToListAsync(ct);
        var count = spenders.Count;
        var top = spenders.OrderByDescending(x => x.Collected <= 0 ? 1e15 + x.Spent : x.Spent * 1.0 / x.Collected)
            .Skip(paging.Skip).Take(paging.SafePageSize).ToList();
        var shown = top.Select(r => r.Id).ToList();
        var accounts = await db.Read<Account>().Where(a => shown.Contains(a.Id))
            .Select(a => new { a.Id, a.Name, Owner = db.Unscoped<User>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault() }).ToDictionaryAsync(a => a.Id, ct);
        var signed = await facts.Where(f => f.Metric == LedgerMetric.Signed && shown.Contains(f.AccountId)).GroupBy(f => f.AccountId)
            .Select(g => new { g.Key, Fen = g.Sum(f => f.Fen) }).ToDictionaryAsync(x => x.Key, x => x.Fen, ct);
        return new CostView(y, grouping, top.Where(r => accounts.ContainsKey(r.Id))
            .Select(r => CostOf(r.Id, accounts[r.Id].Name, accounts[r.Id].Owner, r.Spent, r.Collected, signed.GetValueOrDefault(r.Id))).ToList(), count);
    }

    private static CostRow CostOf(Guid id, string name, string? owner, long spent, long collected, long signed) =>
        new(id, name, owner, Fen.ToYuan(spent), Fen.ToYuan(collected), Fen.ToYuan(signed), collected > 0 ? Math.Round(spent * 100m / collected, 2) : null);

    /// <summary>Nothing collected for money spent comes first, then the most spent per hundred collected.</summary>
    private static CostView Ranked(int year, string by, List<CostRow> rows, PageRequest paging) =>
        new(year, by, rows.OrderByDescending(r => r.CostPerHundred is null).ThenByDescending(r => r.CostPerHundred ?? r.Spent).ThenByDescending(r => r.Spent)
            .Skip(paging.Skip).Take(paging.SafePageSize).ToList(), rows.Count);
}
