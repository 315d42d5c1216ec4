using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>
/// The assistant (or the head) drafts a year's budget by category and month, optionally allocating each month to people,
/// edits it while it is a draft or back from rejection, and submits it through the approval engine (document type
/// <c>budget</c>: the head; the executive too from 500,000 CNY). Under review or approved it is locked (409).
/// </summary>
public sealed class SaveBudget(IKamDb db, ICurrentUser me, ExpenseCategories categories, ApprovalEngine engine)
{
    public async Task<Result<Guid>> Create(BudgetInput input, CancellationToken ct = default)
    {
        if (!ExpenseAccess.DraftsBudget(me))
            return Error.Forbidden("budget.read_only");
        if (input.Year is not { } year || year is < 2000 or > 2100)
            return Error.Validation("year", "budget.year_invalid");
        if (await CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (await db.Unscoped<Budget>().AnyAsync(b => b.Year == year, ct))
            return Error.Validation("year", "budget.year_taken", year);
        var budget = new Budget { Year = year, Status = BudgetStatus.Draft };
        db.Unscoped<Budget>().Add(budget);
        Apply(budget, input);
        // A second budget for the year saved at the same moment meets the unique year: 409.
        await db.SaveChangesAsync(ct);
        return budget.Id;
    }

    public async Task<Result> Update(Guid id, BudgetInput input, CancellationToken ct = default)
    {
        var budget = await db.Read<Budget>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (budget is null)
            return Error.NotFound("budget.not_found");
        if (!ExpenseAccess.DraftsBudget(me))
            return Error.Forbidden("budget.read_only");
        if (budget.Status is not (BudgetStatus.Draft or BudgetStatus.Rejected))
            return Error.Conflict("budget.locked");
        if (await CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != budget.Version)
            return Error.Conflict();
        db.Entry(budget).Property(b => b.Version).OriginalValue = version;
        db.Unscoped<BudgetLine>().RemoveRange(await db.Unscoped<BudgetLine>().Where(l => l.BudgetId == id).ToListAsync(ct));
        Apply(budget, input);
        budget.Version = Guid.NewGuid();
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    public async Task<Result> Submit(Guid id, BudgetActionInput input, CancellationToken ct = default)
    {
        var budget = await db.Read<Budget>().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (budget is null)
            return Error.NotFound("budget.not_found");
        if (!ExpenseAccess.DraftsBudget(me))
            return Error.Forbidden("budget.read_only");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        if (input.Version is { } version && version != budget.Version)
            return Error.Conflict();
        if (budget.Status is not (BudgetStatus.Draft or BudgetStatus.Rejected))
            return Error.Conflict("budget.locked");
        if (budget.Total <= 0)
            return Error.Validation("categories", "budget.empty");
        if (input.Version is { } seen)
            db.Entry(budget).Property(b => b.Version).OriginalValue = seen;
        budget.Status = BudgetStatus.UnderReview;
        budget.Version = Guid.NewGuid();
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.Budget, budget.Id, null,
            Text.Get("budget.approval_title", budget.Year), new ApprovalFacts(budget.Total, false), input.Note), ct);
        budget.ApprovalId = request.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private void Apply(Budget budget, BudgetInput input)
    {
        budget.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var total = 0m;
        foreach (var c in input.Categories ?? [])
        {
            var code = c.Category!.Trim().ToLowerInvariant();
            for (var m = 0; m < 12; m++)
            {
                var amount = c.Months![m];
                total += amount;
                if (amount != 0)
                    db.Unscoped<BudgetLine>().Add(new BudgetLine { BudgetId = budget.Id, Category = code, Month = m + 1, Amount = amount });
                foreach (var p in c.People ?? [])
                {
                    if (p.Months![m] != 0)
                        db.Unscoped<BudgetLine>().Add(new BudgetLine { BudgetId = budget.Id, Category = code, Month = m + 1, PersonId = p.PersonId, Amount = p.Months[m] });
                }
            }
        }
        budget.Total = total;
    }

    private async Task<Error?> CheckAsync(BudgetInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.Note?.Trim().Length > 2000)
            errors.Add(new FieldError("note", "field.too_long", 0, 2000));
        var list = input.Categories ?? [];
        if (list.Count > 30)
            errors.Add(new FieldError("categories", "expense.too_many_categories", 30));
        var known = (await categories.GetAsync(ct)).Where(c => c.Active).Select(c => c.Code).ToHashSet();
        var people = list.SelectMany(c => c?.People ?? []).Where(p => p?.PersonId is not null).Select(p => p.PersonId!.Value).Distinct().ToList();
        var active = await db.Unscoped<User>().Where(u => people.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(ct);
        var codes = new HashSet<string>();
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            var at = $"categories[{i}].";
            var code = c?.Category?.Trim().ToLowerInvariant();
            if (code is null || !known.Contains(code))
                errors.Add(new FieldError(at + "category", "expense.category_unknown"));
            else if (!codes.Add(code))
                errors.Add(new FieldError(at + "category", "expense.category_duplicate"));
            if (c?.Months is not { Count: 12 } months)
            {
                errors.Add(new FieldError(at + "months", "budget.twelve_months"));
                continue;
            }
            var monthsOk = true;
            for (var m = 0; m < 12; m++)
            {
                if (!ExpenseAccess.ValidAmount(months[m]))
                {
                    errors.Add(new FieldError($"{at}months[{m}]", "expense.amount_invalid"));
                    monthsOk = false;
                }
            }
            if (c.Amount is not { } amount || !ExpenseAccess.ValidAmount(amount))
                errors.Add(new FieldError(at + "amount", "expense.amount_invalid"));
            else if (monthsOk && months.Sum() != amount)
                errors.Add(new FieldError(at + "months", "budget.months_sum", Money.Format(months.Sum()), Money.Format(amount)));
            var peopleList = c.People ?? [];
            if (peopleList.Count > 200)
                errors.Add(new FieldError(at + "people", "budget.too_many_people", 200));
            var seen = new HashSet<Guid>();
            for (var j = 0; j < peopleList.Count && monthsOk; j++)
            {
                var p = peopleList[j];
                var pat = $"{at}people[{j}].";
                if (p?.PersonId is not { } personId || !active.Contains(personId))
                    errors.Add(new FieldError(pat + "personId", "budget.person_unknown"));
                else if (!seen.Add(personId))
                    errors.Add(new FieldError(pat + "personId", "budget.person_duplicate"));
                if (p?.Months is not { Count: 12 } pm)
                {
                    errors.Add(new FieldError(pat + "months", "budget.twelve_months"));
                    monthsOk = false;
                    continue;
                }
                for (var m = 0; m < 12; m++)
                {
                    if (!ExpenseAccess.ValidAmount(pm[m]))
                    {
                        errors.Add(new FieldError($"{pat}months[{m}]", "expense.amount_invalid"));
                        monthsOk = false;
                    }
                }
            }
            if (!monthsOk)
                continue;
            // What is allocated to people is part of the category's month, never more than it.
            for (var m = 0; m < 12; m++)
            {
                var allocated = peopleList.Sum(p => p.Months![m]);
                if (allocated > months[m])
                    errors.Add(new FieldError($"{at}people", "budget.allocation_over", m + 1, Money.Format(allocated), Money.Format(months[m])));
            }
        }
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}

/// <summary>What a budget does when its approval ends: approved → locked and in force; rejected → back to its drafter;
/// withdrawn → draft.</summary>
public sealed class BudgetApproval(IKamDb db, ICurrentUser me, TimeProvider clock) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.Budget;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var budget = await db.Unscoped<Budget>().FirstOrDefaultAsync(b => b.Id == request.DocumentId, ct);
        if (budget is null || budget.Status != BudgetStatus.UnderReview)
            return;
        budget.Status = outcome switch
        {
            ApprovalStatus.Approved => BudgetStatus.Approved,
            ApprovalStatus.Rejected => BudgetStatus.Rejected,
            _ => BudgetStatus.Draft,
        };
        if (outcome == ApprovalStatus.Approved)
            budget.ApprovedAt = clock.GetUtcNow();
        budget.ApprovalId = request.Id;
    }

    /// <summary>The approval carries the department's total and its comments: the department's roles only, not an account
    /// manager who sees the budget through an allocation.</summary>
    public async Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) =>
        Accounts.DataScope.SeesAllAccounts(me) && await db.Read<Budget>().AnyAsync(b => b.Id == documentId, ct);

    public string Link(Guid documentId) => $"/budgets/{documentId}";
}
