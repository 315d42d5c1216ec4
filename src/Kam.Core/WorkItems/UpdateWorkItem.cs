using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>
/// One change to a work item; null fields stay as they are. The owner moves the status forward and writes progress;
/// the assigner, the head and the assistant also edit title, details and due date, reassign, reopen or cancel.
/// </summary>
public sealed record WorkItemUpdate
{
    public Guid? Version { get; init; }
    public WorkItemStatus? Status { get; init; }
    public string? Title { get; init; }
    public string? Details { get; init; }
    public DateOnly? DueOn { get; init; }
    public Guid? OwnerId { get; init; }

    /// <summary>Required when cancelling.</summary>
    public string? CancelReason { get; init; }

    /// <summary>A progress note to add with the change.</summary>
    public string? Note { get; init; }
}

public sealed class WorkItemUpdateValidator : AbstractValidator<WorkItemUpdate>
{
    public WorkItemUpdateValidator()
    {
        RuleFor(x => x.Version).NotNull().WithErrorCode("field.version_required");
        RuleFor(x => x.Status).IsInEnum().WithErrorCode("field.invalid");
        RuleFor(x => x.Title!).NotEmpty().WithErrorCode("workitem.title_required").MaximumLength(200).WithErrorCode("field.too_long")
            .When(x => x.Title is not null);
        RuleFor(x => x.Details).MaximumLength(4000).WithErrorCode("field.too_long");
        RuleFor(x => x.CancelReason).NotEmpty().WithErrorCode("workitem.cancel_reason_required").When(x => x.Status == WorkItemStatus.Cancelled);
        RuleFor(x => x.CancelReason).MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Note).MaximumLength(2000).WithErrorCode("field.too_long");
    }
}

public sealed class UpdateWorkItem(IKamDb db, ICurrentUser me, TimeProvider clock, IValidator<WorkItemUpdate> validator, WorkItemRules rules)
{
    public async Task<Result> Handle(Guid id, WorkItemUpdate input, CancellationToken ct = default)
    {
        var item = await db.Read<WorkItem>().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null)
            return Error.NotFound("workitem.not_found");
        var owns = WorkItemAccess.Owns(me, item);
        var followsUp = WorkItemAccess.FollowsUp(me, item);
        if (!owns && !followsUp)
            return Error.Forbidden("workitem.not_yours");
        var edits = (input.Title is not null && input.Title.Trim() != item.Title) || (input.Details is not null && input.Details.Trim() != (item.Details ?? ""))
            || (input.DueOn is { } due && due != item.DueOn) || (input.OwnerId is { } owner && owner != item.OwnerId);
        if (edits && !followsUp)
            return Error.Forbidden("workitem.only_followers_edit");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version != item.Version)
            return Error.Conflict();
        if (input.Status is { } status && status != item.Status && StatusError(item.Status, status, followsUp) is { } refused)
            return refused;
        if (!WorkItemAccess.IsOpen(item.Status) && edits)
            return Error.Conflict("workitem.closed");
        if (input.OwnerId is { } newOwner && newOwner != item.OwnerId && !await rules.IsValidOwnerAsync(newOwner, ct))
            return Error.Validation("ownerId", "workitem.owner_invalid");

        db.Entry(item).Property(w => w.Version).OriginalValue = input.Version!.Value;
        if (edits)
            await ApplyEditsAsync(item, input, ct);
        if (input.Status is { } next && next != item.Status)
            await MoveAsync(item, next, input.CancelReason, ct);
        if (!string.IsNullOrWhiteSpace(input.Note))
            db.Unscoped<WorkItemNote>().Add(new WorkItemNote { WorkItemId = item.Id, UserId = me.Id ?? Guid.Empty, Text = input.Note.Trim() });
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    // Forward for the owner (open → in progress → done); reopening a done item and cancelling are for those who follow it up.
    private static Error? StatusError(WorkItemStatus from, WorkItemStatus to, bool followsUp) => (from, to) switch
    {
        (WorkItemStatus.Open, WorkItemStatus.InProgress) or (WorkItemStatus.Open or WorkItemStatus.InProgress, WorkItemStatus.Done) => null,
        (WorkItemStatus.Open or WorkItemStatus.InProgress, WorkItemStatus.Cancelled) => followsUp ? null : Error.Forbidden("workitem.only_followers_cancel"),
        (WorkItemStatus.Done, WorkItemStatus.InProgress) => followsUp ? null : Error.Forbidden("workitem.only_followers_reopen"),
        _ => Error.Validation("status", "workitem.status_change_invalid"),
    };

    private async Task ApplyEditsAsync(WorkItem item, WorkItemUpdate input, CancellationToken ct)
    {
        if (input.Title is not null)
            item.Title = input.Title.Trim();
        if (input.Details is not null)
            item.Details = string.IsNullOrWhiteSpace(input.Details) ? null : input.Details.Trim();
        if (input.DueOn is { } due)
            item.DueOn = due;
        if (input.OwnerId is { } owner && owner != item.OwnerId)
        {
            item.OwnerId = owner;
            await rules.NotifyAssignedAsync(item, ct);
        }
    }

    private async Task MoveAsync(WorkItem item, WorkItemStatus next, string? cancelReason, CancellationToken ct)
    {
        item.Status = next;
        item.DoneAt = next == WorkItemStatus.Done ? clock.GetUtcNow() : null;
        item.CancelReason = next == WorkItemStatus.Cancelled ? cancelReason!.Trim() : null;
        if (next == WorkItemStatus.Done)
            await rules.NotifyDoneAsync(item, ct);
    }
}
