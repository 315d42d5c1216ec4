using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>
/// The budget a claim spends against: per line's year, month and category, the approved budget's department cell and
/// what claims have committed and used of it. A year without an approved budget has none (0): its categories' rules
/// apply from the first yuan.
/// </summary>
public sealed class BudgetControl(IKamDb db, ExpenseCategories categories)
{
    public sealed record Cell(int Year, int Month, string Category, decimal Budget, decimal Committed, decimal Used, decimal ThisClaim, ExpenseCategory? Rule)
    {
        public decimal Remaining => Budget - Committed - Used;

        /// <summary>Whether this claim takes the cell past its budget.</summary>
        public bool Over => ThisClaim > Remaining;
    }

    /// <summary>The cells the lines spend against, with this claim's share of each.</summary>
    public async Task<IReadOnlyList<Cell>> CellsAsync(IEnumerable<ExpenseLine> lines, CancellationToken ct)
    {
        var spend = lines.GroupBy(l => (l.Date.Year, l.Date.Month, l.Category)).Select(g => (g.Key, Amount: g.Sum(l => l.Amount))).ToList();
        var years = spend.Select(s => s.Key.Year).Distinct().ToList();
        var codes = spend.Select(s => s.Key.Category).Distinct().ToList();
        var budgets = await (from l in db.Unscoped<BudgetLine>()
                             join b in db.Unscoped<Budget>() on l.BudgetId equals b.Id
                             where years.Contains(b.Year) && b.Status == BudgetStatus.Approved && l.PersonId == null && codes.Contains(l.Category)
                             select new { b.Year, l.Month, l.Category, l.Amount }).ToListAsync(ct);
        // Tracked, on purpose: the rows a submission checked are the rows it then changes (MoveAsync finds them here), so
        // their version read now is the one the save checks. A claim saved in between makes this one's save fail (409)
        // instead of both squeezing under the budget.
        var usage = await db.Unscoped<BudgetUsage>()
            .Where(u => years.Contains(u.Year) && u.PersonId == Guid.Empty && codes.Contains(u.Category)).ToListAsync(ct);
        var rules = (await categories.GetAsync(ct)).ToDictionary(c => c.Code);
        return spend.Select(s =>
        {
            var used = usage.FirstOrDefault(u => u.Year == s.Key.Year && u.Month == s.Key.Month && u.Category == s.Key.Category);
            var budget = budgets.Where(b => b.Year == s.Key.Year && b.Month == s.Key.Month && b.Category == s.Key.Category).Sum(b => b.Amount);
            return new Cell(s.Key.Year, s.Key.Month, s.Key.Category, budget, used?.Committed ?? 0, used?.Used ?? 0, s.Amount, rules.GetValueOrDefault(s.Key.Category));
        }).OrderBy(c => c.Year).ThenBy(c => c.Month).ThenBy(c => c.Category, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Moves the claim's lines between the usage columns, for the department's cell and the claimant's: tracked rows,
    /// so two claims that touch the same cell at once meet its version (or its unique key) and one of them gets 409.
    /// </summary>
    public async Task MoveAsync(IEnumerable<ExpenseLine> lines, Guid claimantId, decimal committed, decimal used, CancellationToken ct)
    {
        foreach (var g in lines.GroupBy(l => (l.Date.Year, l.Date.Month, l.Category)))
        {
            var amount = g.Sum(l => l.Amount);
            foreach (var person in new[] { Guid.Empty, claimantId })
            {
                var row = db.Unscoped<BudgetUsage>().Local.FirstOrDefault(u => u.Year == g.Key.Year && u.Month == g.Key.Month && u.Category == g.Key.Category && u.PersonId == person)
                    ?? await db.Unscoped<BudgetUsage>().FirstOrDefaultAsync(u => u.Year == g.Key.Year && u.Month == g.Key.Month && u.Category == g.Key.Category && u.PersonId == person, ct);
                if (row is null)
                {
                    row = new BudgetUsage { Year = g.Key.Year, Month = g.Key.Month, Category = g.Key.Category, PersonId = person };
                    db.Unscoped<BudgetUsage>().Add(row);
                }
                row.Committed += committed * amount;
                row.Used += used * amount;
            }
        }
    }
}
