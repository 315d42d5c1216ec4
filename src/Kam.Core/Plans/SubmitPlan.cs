using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Plans;

/// <summary>
/// Submits a draft (or rejected) plan for approval (报批) through the one approval engine (document type
/// <c>plan</c>; by default the executive decides); revises an approved plan into a new draft revision.
/// </summary>
public sealed class SubmitPlan(IKamDb db, ICurrentUser me, ApprovalEngine engine)
{
    public async Task<Result> Submit(Guid id, PlanActionInput input, CancellationToken ct = default)
    {
        var plan = await db.Read<WorkPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return Error.NotFound("plan.not_found");
        if (!PlanAccess.Drafts(me))
            return Error.Forbidden("plan.read_only");
        if (input.Version is { } version && version != plan.Version)
            return Error.Conflict();
        if (!PlanAccess.IsOpen(plan.Status))
            return Error.Conflict("plan.locked");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        if (input.Version is { } seen)
            db.Entry(plan).Property(p => p.Version).OriginalValue = seen;
        plan.Status = PlanStatus.UnderReview;
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.Plan, plan.Id, null,
            $"{plan.Period} {plan.Title}" + (plan.Revision > 1 ? $" (v{plan.Revision})" : ""), new ApprovalFacts(null, false), input.Note), ct);
        plan.ApprovalId = request.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>An approved plan's next revision: a draft copy (items included) that goes through approval again.</summary>
    public async Task<Result<Guid>> Revise(Guid id, PlanActionInput input, CancellationToken ct = default)
    {
        var plan = await db.Read<WorkPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return Error.NotFound("plan.not_found");
        if (!PlanAccess.Drafts(me))
            return Error.Forbidden("plan.read_only");
        if (plan.Status != PlanStatus.Approved)
            return Error.Conflict("plan.revise_approved_only");
        var latest = await db.Unscoped<WorkPlan>().Where(p => p.Period == plan.Period).MaxAsync(p => p.Revision, ct);
        if (latest != plan.Revision)
            return Error.Conflict("plan.revision_open");
        var next = new WorkPlan
        {
            Period = plan.Period,
            Revision = plan.Revision + 1,
            PreviousId = plan.Id,
            Title = plan.Title,
            Summary = plan.Summary,
            Status = PlanStatus.Draft,
        };
        db.Unscoped<WorkPlan>().Add(next);
        foreach (var item in await db.Unscoped<WorkPlanItem>().AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Order).ToListAsync(ct))
        {
            db.Unscoped<WorkPlanItem>().Add(new WorkPlanItem
            {
                PlanId = next.Id,
                Order = item.Order,
                Kind = item.Kind,
                Text = item.Text,
                OwnerId = item.OwnerId,
                DueOn = item.DueOn,
                AccountId = item.AccountId,
            });
        }
        // Two revisions started at once meet the unique (period, revision) key: one wins, the other gets 409.
        await db.SaveChangesAsync(ct);
        return next.Id;
    }
}

/// <summary>What a plan does when its approval ends: approved → locked; rejected → back to its author; withdrawn → draft.</summary>
public sealed class PlanApproval(IKamDb db) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.Plan;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var plan = await db.Unscoped<WorkPlan>().FirstOrDefaultAsync(p => p.Id == request.DocumentId, ct);
        if (plan is null || plan.Status != PlanStatus.UnderReview)
            return;
        plan.Status = outcome switch
        {
            ApprovalStatus.Approved => PlanStatus.Approved,
            ApprovalStatus.Rejected => PlanStatus.Rejected,
            _ => PlanStatus.Draft,
        };
        plan.ApprovalId = request.Id;
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<WorkPlan>().AnyAsync(p => p.Id == documentId, ct);

    public string Link(Guid documentId) => $"/plans/{documentId}";
}
