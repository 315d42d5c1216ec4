using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>
/// Changes an approved budget (预算调整): the assistant or the head moves money between categories, months or people, or
/// adds to it, with a reason; the adjustment goes through its own approval (document type <c>budget_adjustment</c>) and
/// is applied to the budget's lines when approved. One adjustment of a budget is under review at a time, so what was
/// checked when it was filed is still true when it applies: no cell below zero, no person allocated more than the
/// department's cell, no department cell below what claims have already used or committed.
/// </summary>
public sealed class AdjustBudget(IKamDb db, ICurrentUser me, ExpenseCategories categories, ApprovalEngine engine)
{
    public const int MaxLines = 100;

    public async Task<Result<Guid>> Handle(Guid budgetId, BudgetAdjustmentInput input, CancellationToken ct = default)
    {
        var budget = await db.Read<Budget>().FirstOrDefaultAsync(b => b.Id == budgetId, ct);
        if (budget is null)
            return Error.NotFound("budget.not_found");
        if (!ExpenseAccess.DraftsBudget(me))
            return Error.Forbidden("budget.read_only");
        if (input.Version is { } version && version != budget.Version)
            return Error.Conflict();
        if (budget.Status != BudgetStatus.Approved)
            return Error.Conflict("budget.adjust_approved_only");
        if (await db.Unscoped<BudgetAdjustment>().AnyAsync(a => a.BudgetId == budgetId && a.Status == AdjustmentStatus.UnderReview, ct))
            return Error.Conflict("budget.adjustment_open");
        var errors = new List<FieldError>();
        var reason = input.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
            errors.Add(new FieldError("reason", "budget.adjustment_reason_required"));
        else if (reason.Length > 1000)
            errors.Add(new FieldError("reason", "field.too_long", 0, 1000));
        var lines = input.Lines ?? [];
        if (lines.Count == 0)
            errors.Add(new FieldError("lines", "budget.adjustment_empty"));
        if (lines.Count > MaxLines)
            errors.Add(new FieldError("lines", "budget.adjustment_too_many", MaxLines));
        var all = (await categories.GetAsync(ct)).ToDictionary(c => c.Code);
        var known = all.Values.Where(c => c.Active).Select(c => c.Code).ToHashSet();
        var people = lines.Where(l => l?.PersonId is not null).Select(l => l.PersonId!.Value).Distinct().ToList();
        var active = await db.Unscoped<User>().Where(u => people.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var cells = await db.Unscoped<BudgetLine>().AsNoTracking().Where(l => l.BudgetId == budgetId).ToListAsync(ct);
        // The department's cells the adjustment takes money from: only those can fall below what claims hold of them.
        var lowered = () => lines.Where(l => l.PersonId is null).GroupBy(l => (l.Category!.Trim().ToLowerInvariant(), l.Month!.Value))
            .Where(g => g.Sum(l => l.Delta!.Value) < 0).Select(g => g.Key).ToList();
        var after = cells.GroupBy(l => (l.Category, l.Month, l.PersonId)).ToDictionary(g => g.Key, g => g.Sum(l => l.Amount));
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var at = $"lines[{i}].";
            var code = l?.Category?.Trim().ToLowerInvariant();
            var ok = true;
            if (code is null || !known.Contains(code))
            {
                errors.Add(new FieldError(at + "category", "expense.category_unknown"));
                ok = false;
            }
            if (l?.Month is not (>= 1 and <= 12))
            {
                errors.Add(new FieldError(at + "month", "budget.month_invalid"));
                ok = false;
            }
            if (l?.PersonId is { } p && !active.Contains(p))
            {
                errors.Add(new FieldError(at + "personId", "budget.person_unknown"));
                ok = false;
            }
            if (l?.Delta is not { } delta || delta == 0 || !ExpenseAccess.ValidAmount(delta, allowNegative: true))
            {
                errors.Add(new FieldError(at + "delta", "budget.delta_invalid"));
                ok = false;
            }
            if (ok)
            {
                var key = (code!, l!.Month!.Value, l.PersonId);
                after[key] = after.GetValueOrDefault(key) + l.Delta!.Value;
            }
        }
        if (errors.Count == 0)
            await CheckResultAsync(budget, after, lowered(), all, errors, ct);
        if (errors.Count > 0)
            return Error.Validation(errors);
        var adjustment = new BudgetAdjustment
        {
            BudgetId = budgetId,
            Reason = reason!,
            Status = AdjustmentStatus.UnderReview,
            Net = lines.Where(l => l.PersonId is null).Sum(l => l.Delta!.Value),
        };
        db.Unscoped<BudgetAdjustment>().Add(adjustment);
        foreach (var l in lines)
        {
            db.Unscoped<BudgetAdjustmentLine>().Add(new BudgetAdjustmentLine
            {
                AdjustmentId = adjustment.Id,
                Category = l.Category!.Trim().ToLowerInvariant(),
                Month = l.Month!.Value,
                PersonId = l.PersonId,
                Delta = l.Delta!.Value,
            });
        }
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.BudgetAdjustment, adjustment.Id, null,
            Text.Get("budget.adjustment_title", budget.Year), new ApprovalFacts(Math.Max(0, adjustment.Net), false), reason), ct);
        adjustment.ApprovalId = request.Id;
        // Touching the budget renews its version: an edit of the page opened before the adjustment gets 409.
        db.Entry(budget).Property(b => b.UpdatedAt).IsModified = true;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : adjustment.Id;
    }

    private async Task CheckResultAsync(Budget budget, Dictionary<(string Category, int Month, Guid? PersonId), decimal> after,
        List<(string Category, int Month)> lowered, Dictionary<string, ExpenseCategory> all, List<FieldError> errors, CancellationToken ct)
    {
        string Name(string code) => ExpenseCategories.NameOf(all.GetValueOrDefault(code), code);
        foreach (var (key, amount) in after.Where(kv => kv.Value < 0))
            errors.Add(new FieldError("lines", "budget.adjustment_negative", key.Month, Name(key.Category)));
        foreach (var group in after.Where(kv => kv.Key.PersonId is not null).GroupBy(kv => (kv.Key.Category, kv.Key.Month)))
        {
            var department = after.GetValueOrDefault((group.Key.Category, group.Key.Month, null));
            if (group.Sum(kv => kv.Value) > department)
                errors.Add(new FieldError("lines", "budget.allocation_over", group.Key.Month, Money.Format(group.Sum(kv => kv.Value)), Money.Format(department)));
        }
        var codes = lowered.Select(l => l.Category).Distinct().ToList();
        var usage = await db.Unscoped<BudgetUsage>().AsNoTracking()
            .Where(u => u.Year == budget.Year && u.PersonId == Guid.Empty && codes.Contains(u.Category)).ToListAsync(ct);
        foreach (var u in usage.Where(u => lowered.Contains((u.Category, u.Month))))
        {
            if (after.GetValueOrDefault((u.Category, u.Month, null)) < u.Used + u.Committed)
                errors.Add(new FieldError("lines", "budget.adjustment_below_used", u.Month, Name(u.Category), Money.Format(u.Used + u.Committed)));
        }
    }
}

/// <summary>What an adjustment does when its approval ends: approved → its changes applied to the budget's lines.</summary>
public sealed class BudgetAdjustmentApproval(IKamDb db, TimeProvider clock) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.BudgetAdjustment;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var adjustment = await db.Unscoped<BudgetAdjustment>().FirstOrDefaultAsync(a => a.Id == request.DocumentId, ct);
        if (adjustment is null || adjustment.Status != AdjustmentStatus.UnderReview)
            return;
        adjustment.Status = outcome switch
        {
            ApprovalStatus.Approved => AdjustmentStatus.Approved,
            ApprovalStatus.Rejected => AdjustmentStatus.Rejected,
            _ => AdjustmentStatus.Withdrawn,
        };
        if (outcome != ApprovalStatus.Approved)
            return;
        adjustment.AppliedAt = clock.GetUtcNow();
        var budget = await db.Unscoped<Budget>().FirstAsync(b => b.Id == adjustment.BudgetId, ct);
        var cells = await db.Unscoped<BudgetLine>().Where(l => l.BudgetId == budget.Id).ToListAsync(ct);
        foreach (var change in await db.Unscoped<BudgetAdjustmentLine>().AsNoTracking().Where(l => l.AdjustmentId == adjustment.Id).ToListAsync(ct))
        {
            var cell = cells.FirstOrDefault(c => c.Category == change.Category && c.Month == change.Month && c.PersonId == change.PersonId);
            if (cell is null)
            {
                cell = new BudgetLine { BudgetId = budget.Id, Category = change.Category, Month = change.Month, PersonId = change.PersonId };
                db.Unscoped<BudgetLine>().Add(cell);
                cells.Add(cell);
            }
            cell.Amount += change.Delta;
        }
        budget.Total += adjustment.Net;
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<BudgetAdjustment>().AnyAsync(a => a.Id == documentId, ct);

    public string Link(Guid documentId) =>
        "/budgets?adjustment=" + documentId;
}
