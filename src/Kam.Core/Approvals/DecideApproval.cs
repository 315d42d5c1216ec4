using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Approvals;

/// <summary>
/// The current step approves or rejects with a comment (a rejection needs one). Approving passes the request to the next
/// step (and tells its approvers) or, at the last step, approves the document; rejecting returns it to its author. The
/// author never decides (403), nor anyone outside the step's role or delegation (403); a closed request is 409; two
/// people deciding the same step at once: the second gets 409.
/// </summary>
public sealed class DecideApproval(IKamDb db, ICurrentUser me, TimeProvider clock, ApprovalEngine engine, ApprovalAccess access)
{
    public Task<Result> Approve(Guid id, ApprovalDecision input, CancellationToken ct = default) => Decide(id, input, approve: true, ct);

    public Task<Result> Reject(Guid id, ApprovalDecision input, CancellationToken ct = default) => Decide(id, input, approve: false, ct);

    private async Task<Result> Decide(Guid id, ApprovalDecision input, bool approve, CancellationToken ct)
    {
        var request = await access.FindAsync(id, track: true, ct);
        if (request is null)
            return Error.NotFound("approval.not_found");
        if (input.Comment is { Length: > 1000 })
            return Error.Validation("comment", "field.too_long", 0, 1000);
        if (!approve && string.IsNullOrWhiteSpace(input.Comment))
            return Error.Validation("comment", "approval.reject_comment_required");
        if (request.Status != ApprovalStatus.Pending)
            return Error.Conflict("approval.closed");
        if (input.Version is { } version && version != request.Version)
            return Error.Conflict();
        var step = request.Steps.OrderBy(s => s.Order).First(s => s.Status == ApprovalStepStatus.Pending);
        if (request.SubmitterId == me.Id)
            return Error.Forbidden("approval.own_document");
        if (!engine.MayDecide(request, step))
            return Error.Forbidden("approval.not_your_step");

        step.Status = approve ? ApprovalStepStatus.Approved : ApprovalStepStatus.Rejected;
        step.DeciderId = me.Id;
        step.DecidedAt = clock.GetUtcNow();
        step.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        var next = request.Steps.OrderBy(s => s.Order).FirstOrDefault(s => s.Status == ApprovalStepStatus.Waiting);
        if (!approve)
            await engine.CloseAsync(request, ApprovalStatus.Rejected, ct);
        else if (next is null)
            await engine.CloseAsync(request, ApprovalStatus.Approved, ct);
        else
        {
            next.Status = ApprovalStepStatus.Pending;
            await engine.NotifyApproversAsync(request, next, ct);
        }
        // The request's version moves with every decision, so a page showing the old state is refused the next time.
        db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }
}

/// <summary>The author takes the document back before anyone decided on it; it returns to draft.</summary>
public sealed class WithdrawApproval(IKamDb db, ICurrentUser me, ApprovalEngine engine, ApprovalAccess access)
{
    public async Task<Result> Handle(Guid id, CancellationToken ct = default)
    {
        var request = await access.FindAsync(id, track: true, ct);
        if (request is null)
            return Error.NotFound("approval.not_found");
        if (request.SubmitterId != me.Id)
            return Error.Forbidden("approval.only_author_withdraws");
        if (request.Status != ApprovalStatus.Pending)
            return Error.Conflict("approval.closed");
        if (request.Steps.Any(s => s.Status is ApprovalStepStatus.Approved or ApprovalStepStatus.Rejected))
            return Error.Conflict("approval.already_decided");
        await engine.CloseAsync(request, ApprovalStatus.Withdrawn, ct);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }
}

/// <summary>
/// The head hands the current step to another person when its approver is absent (出差、休假): only that person
/// decides it then. Not to the author, not to someone inactive or without a business role.
/// </summary>
public sealed class DelegateApproval(IKamDb db, ICurrentUser me, ApprovalEngine engine, ApprovalAccess access)
{
    public async Task<Result> Handle(Guid id, ApprovalDelegation input, CancellationToken ct = default)
    {
        if (!engine.MayDelegate)
            return Error.Forbidden("approval.only_head_delegates");
        var request = await access.FindAsync(id, track: true, ct);
        if (request is null)
            return Error.NotFound("approval.not_found");
        if (input.UserId is not { } userId)
            return Error.Validation("userId", "approval.delegate_required");
        if (input.Reason is { Length: > 200 })
            return Error.Validation("reason", "field.too_long", 0, 200);
        if (request.Status != ApprovalStatus.Pending)
            return Error.Conflict("approval.closed");
        if (userId == request.SubmitterId)
            return Error.Validation("userId", "approval.delegate_is_author");
        if (!await IsApproverCandidateAsync(userId, ct))
            return Error.Validation("userId", "approval.delegate_invalid");
        var step = request.Steps.OrderBy(s => s.Order).First(s => s.Status == ApprovalStepStatus.Pending);
        if (step.Reason == ApprovalRules.OverBudgetReason)
            return Error.Conflict("approval.not_delegable");
        step.DelegateId = userId;
        step.DelegatedById = me.Id;
        step.Comment = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        await engine.NotifyApproversAsync(request, step, ct);
        db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private Task<bool> IsApproverCandidateAsync(Guid userId, CancellationToken ct)
    {
        var roles = ApprovalRules.DelegateRoles;
        return Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            from u in db.Unscoped<User>()
            join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
            join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
            where u.Id == userId && u.IsActive && roles.Contains(r.Name!)
            select u, ct);
    }
}
