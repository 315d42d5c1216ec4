using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Opportunities;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>
/// The head or the assistant plans a PR or promotion activity (公关费用计划), edits it while a draft or back from rejection,
/// submits it through the approval engine (document type <c>activity</c>: the head; the executive too from 100,000), and
/// once held records its outcome: notes and the projects it produced. Claims link their lines to it.
/// </summary>
public sealed class SaveActivity(IKamDb db, ICurrentUser me, ExpenseCategories categories, ApprovalEngine engine, TimeProvider clock)
{
    public async Task<Result<Guid>> Create(ActivityInput input, CancellationToken ct = default)
    {
        if (!ExpenseAccess.DraftsBudget(me))
            return Error.Forbidden("activity.read_only");
        if (await CheckAsync(input, ct) is { } invalid)
            return invalid;
        var activity = new Activity { Status = ActivityStatus.Draft };
        db.Unscoped<Activity>().Add(activity);
        Apply(activity, input);
        await db.SaveChangesAsync(ct);
        return activity.Id;
    }

    public async Task<Result> Update(Guid id, ActivityInput input, CancellationToken ct = default)
    {
        var activity = await db.Read<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
            return Error.NotFound("activity.not_found");
        if (!ExpenseAccess.DraftsBudget(me))
            return Error.Forbidden("activity.read_only");
        if (activity.Status is not (ActivityStatus.Draft or ActivityStatus.Rejected))
            return Error.Conflict("activity.locked");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (await CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (version != activity.Version)
            return Error.Conflict();
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        db.Unscoped<ActivityAccount>().RemoveRange(await db.Unscoped<ActivityAccount>().Where(x => x.ActivityId == id).ToListAsync(ct));
        db.Unscoped<ActivityCost>().RemoveRange(await db.Unscoped<ActivityCost>().Where(x => x.ActivityId == id).ToListAsync(ct));
        Apply(activity, input);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    public async Task<Result> Submit(Guid id, ActivityActionInput input, CancellationToken ct = default)
    {
        var activity = await db.Read<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
            return Error.NotFound("activity.not_found");
        if (!ExpenseAccess.DraftsBudget(me))
            return Error.Forbidden("activity.read_only");
        if (input.Version is { } version && version != activity.Version)
            return Error.Conflict();
        if (activity.Status is not (ActivityStatus.Draft or ActivityStatus.Rejected))
            return Error.Conflict("activity.locked");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        if (input.Version is { } seen)
            db.Entry(activity).Property(a => a.Version).OriginalValue = seen;
        activity.Status = ActivityStatus.UnderReview;
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.Activity, activity.Id, null,
            $"{activity.Date:yyyy-MM-dd} {activity.Title}", new ApprovalFacts(activity.PlannedTotal, false), input.Note), ct);
        activity.ApprovalId = request.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>After the activity: what came of it (notes, the projects it produced). An approved activity becomes done.</summary>
    public async Task<Result> RecordOutcome(Guid id, ActivityOutcomeInput input, CancellationToken ct = default)
    {
        var activity = await db.Read<Activity>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (activity is null)
            return Error.NotFound("activity.not_found");
        if (!ExpenseAccess.DraftsBudget(me) && activity.OwnerId != me.Id)
            return Error.Forbidden("activity.read_only");
        if (activity.Status is not (ActivityStatus.Approved or ActivityStatus.Done))
            return Error.Conflict("activity.outcome_approved_only");
        if (input.Version is { } version && version != activity.Version)
            return Error.Conflict();
        var outcome = input.Outcome?.Trim();
        if (string.IsNullOrEmpty(outcome))
            return Error.Validation("outcome", "activity.outcome_required");
        if (outcome.Length > 4000)
            return Error.Validation("outcome", "field.too_long", 0, 4000);
        var ids = (input.OpportunityIds ?? []).Distinct().ToList();
        if (ids.Count > 50)
            return Error.Validation("opportunityIds", "activity.too_many", 50);
        var known = await db.Read<Opportunity>().Where(o => ids.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (ids.Except(known).Any())
            return Error.Validation("opportunityIds", "activity.opportunity_unknown");
        if (input.Version is { } seen)
            db.Entry(activity).Property(a => a.Version).OriginalValue = seen;
        activity.Outcome = outcome;
        activity.Status = ActivityStatus.Done;
        activity.DoneAt ??= clock.GetUtcNow();
        db.Unscoped<ActivityOpportunity>().RemoveRange(await db.Unscoped<ActivityOpportunity>().Where(x => x.ActivityId == id).ToListAsync(ct));
        foreach (var opportunity in ids)
            db.Unscoped<ActivityOpportunity>().Add(new ActivityOpportunity { ActivityId = id, OpportunityId = opportunity });
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private void Apply(Activity activity, ActivityInput input)
    {
        activity.Title = input.Title!.Trim();
        activity.Kind = input.Kind!.Value;
        activity.Purpose = input.Purpose!.Trim();
        activity.Audience = string.IsNullOrWhiteSpace(input.Audience) ? null : input.Audience.Trim();
        activity.Date = input.Date!.Value;
        activity.Place = string.IsNullOrWhiteSpace(input.Place) ? null : input.Place.Trim();
        activity.OwnerId = input.OwnerId ?? me.Id!.Value;
        foreach (var account in (input.AccountIds ?? []).Distinct())
            db.Unscoped<ActivityAccount>().Add(new ActivityAccount { ActivityId = activity.Id, AccountId = account });
        var costs = (input.Costs ?? []).GroupBy(c => c.Category!.Trim().ToLowerInvariant()).Select(g => (Category: g.Key, Amount: g.Sum(c => c.Amount!.Value))).ToList();
        foreach (var (category, amount) in costs)
            db.Unscoped<ActivityCost>().Add(new ActivityCost { ActivityId = activity.Id, Category = category, Amount = amount });
        activity.PlannedTotal = costs.Sum(c => c.Amount);
    }

    private async Task<Error?> CheckAsync(ActivityInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        void Text(string? value, string field, int max, bool required, string code)
        {
            if (required && string.IsNullOrWhiteSpace(value))
                errors.Add(new FieldError(field, code));
            else if (value?.Trim().Length > max)
                errors.Add(new FieldError(field, "field.too_long", 0, max));
        }
        Text(input.Title, "title", 200, true, "activity.title_required");
        Text(input.Purpose, "purpose", 2000, true, "activity.purpose_required");
        Text(input.Audience, "audience", 500, false, "");
        Text(input.Place, "place", 200, false, "");
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add(new FieldError("kind", "field.invalid"));
        if (input.Date is null)
            errors.Add(new FieldError("date", "activity.date_required"));
        if (input.OwnerId is { } owner && !await db.Unscoped<User>().AnyAsync(u => u.Id == owner && u.IsActive, ct))
            errors.Add(new FieldError("ownerId", "budget.person_unknown"));
        var accounts = (input.AccountIds ?? []).Distinct().ToList();
        if (accounts.Count > 50)
            errors.Add(new FieldError("accountIds", "activity.too_many", 50));
        else if (accounts.Count > 0 && await db.Read<Account>().CountAsync(a => accounts.Contains(a.Id), ct) != accounts.Count)
            errors.Add(new FieldError("accountIds", "account.not_found"));
        var known = (await categories.GetAsync(ct)).Where(c => c.Active).Select(c => c.Code).ToHashSet();
        var costs = input.Costs ?? [];
        if (costs.Count == 0)
            errors.Add(new FieldError("costs", "activity.costs_required"));
        if (costs.Count > 30)
            errors.Add(new FieldError("costs", "activity.too_many", 30));
        for (var i = 0; i < costs.Count; i++)
        {
            var c = costs[i];
            if (c?.Category?.Trim().ToLowerInvariant() is not { } code || !known.Contains(code))
                errors.Add(new FieldError($"costs[{i}].category", "expense.category_unknown"));
            if (c?.Amount is not { } amount || amount <= 0 || !ExpenseAccess.ValidAmount(amount))
                errors.Add(new FieldError($"costs[{i}].amount", "expense.line_amount_invalid"));
        }
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}

/// <summary>What an activity does when its approval ends: approved → it may be held and spent on; rejected → back to its
/// planner; withdrawn → draft.</summary>
public sealed class ActivityApproval(IKamDb db) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.Activity;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var activity = await db.Unscoped<Activity>().FirstOrDefaultAsync(a => a.Id == request.DocumentId, ct);
        if (activity is null || activity.Status != ActivityStatus.UnderReview)
            return;
        activity.Status = outcome switch
        {
            ApprovalStatus.Approved => ActivityStatus.Approved,
            ApprovalStatus.Rejected => ActivityStatus.Rejected,
            _ => ActivityStatus.Draft,
        };
        activity.ApprovalId = request.Id;
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<Activity>().AnyAsync(a => a.Id == documentId, ct);

    public string Link(Guid documentId) => $"/activities/{documentId}";
}
