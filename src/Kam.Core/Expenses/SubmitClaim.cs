using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Kam.Core.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>
/// The claimant submits a draft (or rejected) claim: every line is checked again as of today, its invoices are
/// registered for good (the same invoice never twice), the checks a person would make are written for the approver
/// (a claim just like another, entertainment on a day with no visit at that account), and the budget decides per line's
/// category and month, counting what is committed as well as used so that two claims at once cannot both squeeze under
/// it: within budget it goes to the head; past it, <see cref="OverBudgetRule.Warn"/> needs a justification,
/// <see cref="OverBudgetRule.Escalate"/> adds the executive's step (never delegated), <see cref="OverBudgetRule.Block"/>
/// refuses with what remains. Crossing a category's alert level tells the head and the claimant once.
/// </summary>
public sealed class SubmitClaim(IKamDb db, ICurrentUser me, SaveClaim save, BudgetControl control, ExpenseCategories categories, ExpenseStandards standards,
    ApprovalEngine engine, Notifier notifier, TimeProvider clock)
{
    public async Task<Result> Handle(Guid id, ClaimActionInput input, CancellationToken ct = default)
    {
        var claim = await db.Read<ExpenseClaim>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
            return Error.NotFound("expense.claim_not_found");
        if (claim.ClaimantId != me.Id)
            return Error.Forbidden("expense.claim_not_yours");
        if (input.Version is { } version && version != claim.Version)
            return Error.Conflict();
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Rejected))
            return Error.Conflict("expense.claim_locked");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        if (input.Justification?.Trim().Length > 1000)
            return Error.Validation("justification", "field.too_long", 0, 1000);
        var lines = await db.Unscoped<ExpenseLine>().Where(l => l.ClaimId == id).OrderBy(l => l.Order).ToListAsync(ct);
        if (lines.Count == 0)
            return Error.Validation("lines", "expense.lines_required");
        var justification = string.IsNullOrWhiteSpace(input.Justification) ? claim.Justification : input.Justification.Trim();
        // The lines as saved, checked again today (a draft may have waited past the age limit, an account changed hands).
        var asInput = new ExpenseClaimInput(claim.Title, justification, lines.Select(l => new ExpenseLineInput(l.Date, l.Category, l.Amount, l.Description,
            l.InvoiceNumber, l.InvoiceCode, l.AccountId, l.VisitId, l.OpportunityId, l.City, l.Nights, l.ReceiptId, l.ActivityId)).ToList(), claim.Version);
        if (await save.CheckAsync(asInput, claim.Id, ct) is { } invalid)
            return invalid;

        var cells = await control.CellsAsync(lines, ct);
        var errors = new List<FieldError>();
        var escalate = false;
        foreach (var cell in cells.Where(c => c.Over))
        {
            var rule = cell.Rule?.OverRule ?? OverBudgetRule.Warn;
            var name = ExpenseCategories.NameOf(cell.Rule, cell.Category);
            var index = lines.FindIndex(l => l.Date.Year == cell.Year && l.Date.Month == cell.Month && l.Category == cell.Category);
            if (rule == OverBudgetRule.Block)
                errors.Add(new FieldError($"lines[{index}].amount", "expense.over_budget_blocked", name, $"{cell.Year}-{cell.Month:00}", Money.Format(Math.Max(0, cell.Remaining))));
            else if (rule == OverBudgetRule.Warn && justification is null)
                errors.Add(new FieldError("justification", "expense.over_budget_justify", name, $"{cell.Year}-{cell.Month:00}", Money.Format(Math.Max(0, cell.Remaining))));
            else if (rule == OverBudgetRule.Escalate)
                escalate = true;
        }
        var overStandard = await OverStandardAsync(lines, ct);
        if (overStandard.Count > 0 && justification is null)
        {
            var (first, limit) = overStandard[0];
            errors.Add(new FieldError("justification", "expense.over_standard_justify", first.Order + 1, Money.Format(limit)));
        }
        if (errors.Count > 0)
            return Error.Validation(errors);

        foreach (var line in lines)
        {
            if (Invoices.Key(line.InvoiceNumber, line.InvoiceCode) is { } key
                && !await db.Unscoped<InvoiceRegistration>().AnyAsync(r => r.Key == key && r.ClaimId == claim.Id, ct))
                db.Unscoped<InvoiceRegistration>().Add(new InvoiceRegistration { Key = key, ClaimId = claim.Id });
        }
        db.Entry(claim).Property(c => c.Version).OriginalValue = claim.Version;
        claim.Justification = justification;
        var warnings = await WarningsAsync(claim, lines, cells, ct);
        warnings.InsertRange(0, overStandard.Select(o => $"expense.warn_over_standard|{o.Line.Order + 1}|{Money.Format(o.Limit)}"));
        claim.Warnings = warnings.Count > 0 ? string.Join(';', warnings.Take(20)) : null;
        claim.Status = ClaimStatus.Submitted;
        claim.SubmittedAt = clock.GetUtcNow();
        await control.MoveAsync(lines, claim.ClaimantId, committed: 1, used: 0, ct);
        await AlertAsync(claim, cells, ct);
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.ExpenseClaim, claim.Id, lines.Select(l => l.AccountId).FirstOrDefault(a => a is not null),
            $"{claim.Number} {claim.Title}", new ApprovalFacts(claim.Total, false, escalate), input.Note), ct);
        claim.ApprovalId = request.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Travel lines above the standard of their city and nights for the claimant's role (费用标准), with the limit.</summary>
    private async Task<List<(ExpenseLine Line, decimal Limit)>> OverStandardAsync(List<ExpenseLine> lines, CancellationToken ct)
    {
        var travel = (await categories.GetAsync(ct)).Where(c => c.Travel).Select(c => c.Code).ToHashSet();
        var candidates = lines.Where(l => travel.Contains(l.Category) && l.City is not null && l.Nights is not null).ToList();
        if (candidates.Count == 0)
            return [];
        var view = await standards.Get(ct);
        var roles = Roles.Business.Where(me.IsInRole).ToList();
        return candidates.Select(l => (Line: l, Limit: ExpenseStandards.Limit(view, l.City, l.Nights, roles)))
            .Where(x => x.Limit is { } limit && x.Line.Amount > limit).Select(x => (x.Line, x.Limit!.Value)).ToList();
    }

    /// <summary>What the approver should look at twice, as codes with their arguments ("code|arg").</summary>
    private async Task<List<string>> WarningsAsync(ExpenseClaim claim, List<ExpenseLine> lines, IReadOnlyList<BudgetControl.Cell> cells, CancellationToken ct)
    {
        var warnings = new List<string>();
        foreach (var line in lines)
        {
            var same = await db.Unscoped<ExpenseLine>().Where(l => l.ClaimantId == claim.ClaimantId && l.ClaimId != claim.Id && l.Date == line.Date
                    && l.Category == line.Category && l.Amount == line.Amount)
                .Join(db.Unscoped<ExpenseClaim>().Where(c => c.Status != ClaimStatus.Draft), l => l.ClaimId, c => c.Id, (l, c) => c.Number).FirstOrDefaultAsync(ct);
            if (same is not null)
                warnings.Add($"expense.warn_duplicate|{line.Order + 1}|{same}");
            if (line.Category == ExpenseCategories.Entertainment && line.AccountId is { } account
                && !await db.Unscoped<Visit>().AnyAsync(v => v.AccountId == account && v.Date == line.Date && v.Status != VisitStatus.Cancelled, ct)
                && !await (from a in db.Unscoped<Activity>()
                           join x in db.Unscoped<ActivityAccount>() on a.Id equals x.ActivityId
                           where x.AccountId == account && a.Date == line.Date && (a.Status == ActivityStatus.Approved || a.Status == ActivityStatus.Done)
                           select a.Id).AnyAsync(ct))
                warnings.Add($"expense.warn_no_visit|{line.Order + 1}");
        }
        foreach (var cell in cells.Where(c => c.Over))
            warnings.Add($"expense.warn_over_budget|{cell.Category}|{cell.Year}-{cell.Month:00}");
        return warnings.Distinct().Take(20).ToList();
    }

    /// <summary>Tells the head and the claimant once when a cell's spending (committed and used) crosses its alert level.</summary>
    private async Task AlertAsync(ExpenseClaim claim, IReadOnlyList<BudgetControl.Cell> cells, CancellationToken ct)
    {
        var crossing = cells.Where(c => c.Budget > 0 && c.Rule is not null
            && (c.Used + c.Committed + c.ThisClaim) * 100 >= c.Budget * c.Rule.AlertPercent).ToList();
        if (crossing.Count == 0)
            return;
        var heads = await (from u in db.Unscoped<User>()
                           join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
                           join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                           where u.IsActive && r.Name == Roles.Head
                           select u.Id).Distinct().ToListAsync(ct);
        foreach (var cell in crossing)
        {
            var percent = (int)Math.Floor((cell.Used + cell.Committed + cell.ThisClaim) * 100 / cell.Budget);
            var subject = $"{cell.Year}-{cell.Month:00} {ExpenseCategories.NameOf(cell.Rule, cell.Category)} {percent}%";
            foreach (var userId in heads.Append(claim.ClaimantId).Distinct())
            {
                await notifier.AddOnceAsync(new NotificationMessage(userId, NotificationKinds.BudgetAlert, $"budget_alert:{cell.Year}:{cell.Month}:{cell.Category}",
                    subject, Link: $"/budgets/execution?year={cell.Year}"), ct);
            }
        }
    }
}

/// <summary>What a claim does when its approval ends: approved → its amounts move from committed to used and its lines
/// enter the ledger; rejected → back to the claimant (committed released); withdrawn → draft.</summary>
public sealed class ClaimApproval(IKamDb db, BudgetControl control, TimeProvider clock) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.ExpenseClaim;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var claim = await db.Unscoped<ExpenseClaim>().FirstOrDefaultAsync(c => c.Id == request.DocumentId, ct);
        if (claim is null || claim.Status != ClaimStatus.Submitted)
            return;
        var lines = await db.Unscoped<ExpenseLine>().Where(l => l.ClaimId == claim.Id).ToListAsync(ct);
        claim.DecidedAt = clock.GetUtcNow();
        claim.ApprovalId = request.Id;
        if (outcome == ApprovalStatus.Approved)
        {
            claim.Status = ClaimStatus.Approved;
            await control.MoveAsync(lines, claim.ClaimantId, committed: -1, used: 1, ct);
            foreach (var line in lines)
                line.Counted = true;
            return;
        }
        claim.Status = outcome == ApprovalStatus.Rejected ? ClaimStatus.Rejected : ClaimStatus.Draft;
        await control.MoveAsync(lines, claim.ClaimantId, committed: -1, used: 0, ct);
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<ExpenseClaim>().AnyAsync(c => c.Id == documentId, ct);

    public string Link(Guid documentId) => $"/expenses/{documentId}";
}

/// <summary>The assistant (or the head) records that an approved claim was paid: the day and the payment's reference.</summary>
public sealed class PayClaim(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public async Task<Result> Handle(Guid id, ClaimPaymentInput input, CancellationToken ct = default)
    {
        var claim = await db.Read<ExpenseClaim>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
            return Error.NotFound("expense.claim_not_found");
        if (!ExpenseAccess.Pays(me))
            return Error.Forbidden("expense.pay_forbidden");
        if (input.Version is { } version && version != claim.Version)
            return Error.Conflict();
        if (claim.Status != ClaimStatus.Approved)
            return Error.Conflict("expense.pay_approved_only");
        var errors = new List<FieldError>();
        var today = clock.Today();
        if (input.PaidOn is not { } paidOn)
            errors.Add(new FieldError("paidOn", "expense.paid_on_required"));
        else if (paidOn > today || paidOn < today.AddYears(-1))
            errors.Add(new FieldError("paidOn", "expense.paid_on_invalid"));
        var reference = input.Reference?.Trim();
        if (string.IsNullOrEmpty(reference))
            errors.Add(new FieldError("reference", "expense.reference_required"));
        else if (reference.Length > 100)
            errors.Add(new FieldError("reference", "field.too_long", 0, 100));
        if (errors.Count > 0)
            return Error.Validation(errors);
        if (input.Version is { } seen)
            db.Entry(claim).Property(c => c.Version).OriginalValue = seen;
        claim.Status = ClaimStatus.Paid;
        claim.PaidOn = input.PaidOn;
        claim.PaymentReference = reference;
        claim.PaidById = me.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }
}
