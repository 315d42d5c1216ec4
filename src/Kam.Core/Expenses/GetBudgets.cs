using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>Reads budgets as their reader may see them: the department's roles the whole, an account manager their own
/// allocations.</summary>
public sealed class GetBudgets(IKamDb db, ICurrentUser me, ExpenseCategories categories)
{
    public async Task<IReadOnlyList<BudgetRow>> List(CancellationToken ct = default)
    {
        var rows = await db.Read<Budget>().AsNoTracking().OrderByDescending(b => b.Year)
            .Select(b => new { b.Id, b.Year, b.Status, b.Total, b.UpdatedAt }).ToListAsync(ct);
        if (DataScope.SeesAllAccounts(me))
            return rows.Select(b => new BudgetRow(b.Id, b.Year, b.Status, b.Total, b.UpdatedAt)).ToList();
        // An account manager's total is what is allocated to them.
        var ids = rows.Select(r => r.Id).ToList();
        var mine = (await db.Read<BudgetLine>().AsNoTracking().Where(l => ids.Contains(l.BudgetId)).Select(l => new { l.BudgetId, l.Amount }).ToListAsync(ct))
            .GroupBy(l => l.BudgetId).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        return rows.Select(b => new BudgetRow(b.Id, b.Year, b.Status, mine.GetValueOrDefault(b.Id), b.UpdatedAt)).ToList();
    }

    public async Task<Result<BudgetView>> Get(Guid id, CancellationToken ct = default)
    {
        var budget = await db.Read<Budget>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (budget is null)
            return Error.NotFound("budget.not_found");
        var all = DataScope.SeesAllAccounts(me);
        var lines = await db.Read<BudgetLine>().AsNoTracking().Where(l => l.BudgetId == id)
            .Select(l => new { l.Category, l.Month, l.PersonId, l.Amount }).ToListAsync(ct);
        var personIds = lines.Where(l => l.PersonId is not null).Select(l => l.PersonId!.Value).Distinct().ToList();
        var names = await db.Unscoped<User>().Where(u => personIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var known = (await categories.GetAsync(ct)).ToDictionary(c => c.Code);
        var order = known.Keys.ToList();
        var views = lines.GroupBy(l => l.Category)
            .OrderBy(g => order.IndexOf(g.Key) is var i && i < 0 ? int.MaxValue : i).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                // An account manager's "category" is their own allocation in it.
                var months = Months(g.Where(l => all ? l.PersonId is null : l.PersonId == me.Id).Select(l => (l.Month, l.Amount)));
                var people = g.Where(l => l.PersonId is not null).GroupBy(l => l.PersonId!.Value)
                    .Select(p => Months(p.Select(l => (l.Month, l.Amount))) is var pm
                        ? new BudgetPersonView(p.Key, names.GetValueOrDefault(p.Key, ""), pm.Sum(), pm) : null!)
                    .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
                return new BudgetCategoryView(g.Key, ExpenseCategories.NameOf(known.GetValueOrDefault(g.Key), g.Key), months.Sum(), months, Quarters(months), people);
            }).ToList();
        var adjustments = all ? await AdjustmentsAsync(id, known, ct) : [];
        var open = budget.Status is BudgetStatus.Draft or BudgetStatus.Rejected;
        return new BudgetView(budget.Id, budget.Year, budget.Status, all ? budget.Total : views.Sum(v => v.Amount), budget.Note, budget.ApprovalId, budget.Version, !all,
            open && ExpenseAccess.DraftsBudget(me), budget.Status == BudgetStatus.Approved && ExpenseAccess.DraftsBudget(me), views, adjustments);
    }

    /// <summary>The budget an adjustment belongs to (for the adjustment's link from the approvals).</summary>
    public Task<Guid?> BudgetOfAdjustment(Guid adjustmentId, CancellationToken ct = default) =>
        db.Read<BudgetAdjustment>().Where(a => a.Id == adjustmentId).Select(a => (Guid?)a.BudgetId).FirstOrDefaultAsync(ct);

    private async Task<IReadOnlyList<BudgetAdjustmentView>> AdjustmentsAsync(Guid budgetId, Dictionary<string, ExpenseCategory> known, CancellationToken ct)
    {
        var adjustments = await db.Read<BudgetAdjustment>().AsNoTracking().Where(a => a.BudgetId == budgetId).OrderByDescending(a => a.CreatedAt).ToListAsync(ct);
        var ids = adjustments.Select(a => a.Id).ToList();
        var lines = await db.Read<BudgetAdjustmentLine>().AsNoTracking().Where(l => ids.Contains(l.AdjustmentId)).ToListAsync(ct);
        var userIds = lines.Where(l => l.PersonId is not null).Select(l => l.PersonId!.Value)
            .Concat(adjustments.Where(a => a.CreatedById is not null).Select(a => a.CreatedById!.Value)).Distinct().ToList();
        var names = await db.Unscoped<User>().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return adjustments.Select(a => new BudgetAdjustmentView(a.Id, a.Reason, a.Status, a.Net, a.CreatedById is { } by ? names.GetValueOrDefault(by) : null, a.CreatedAt,
            a.ApprovalId, lines.Where(l => l.AdjustmentId == a.Id).Select(l => new BudgetAdjustmentLineView(l.Category,
                ExpenseCategories.NameOf(known.GetValueOrDefault(l.Category), l.Category), l.Month, l.PersonId,
                l.PersonId is { } p ? names.GetValueOrDefault(p) : null, l.Delta)).ToList())).ToList();
    }

    internal static decimal[] Months(IEnumerable<(int Month, decimal Amount)> cells)
    {
        var months = new decimal[12];
        foreach (var (month, amount) in cells)
            months[month - 1] += amount;
        return months;
    }

    internal static decimal[] Quarters(IReadOnlyList<decimal> months) =>
        [months[0] + months[1] + months[2], months[3] + months[4] + months[5], months[6] + months[7] + months[8], months[9] + months[10] + months[11]];
}
