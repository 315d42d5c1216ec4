using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>The checks and side effects every new or reassigned work item shares.</summary>
public sealed class WorkItemRules(IKamDb db, ICurrentUser me, Notifier notifier)
{
    /// <summary>An owner must be an active person with a business role (not a leaver, not only an administrator).</summary>
    public async Task<bool> IsValidOwnerAsync(Guid ownerId, CancellationToken ct) =>
        await (from u in db.Unscoped<User>()
               join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
               join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
               where u.Id == ownerId && u.IsActive && Roles.Business.Contains(r.Name!)
               select u.Id).AnyAsync(ct);

    /// <summary>The checks beyond the validator: a valid owner, and an account the person assigning sees.</summary>
    public async Task<Error?> CheckAsync(WorkItemInput input, string fieldPrefix, CancellationToken ct)
    {
        if (!await IsValidOwnerAsync(input.OwnerId!.Value, ct))
            return Error.Validation(fieldPrefix + "ownerId", "workitem.owner_invalid");
        // Nobody links an account they may not read.
        if (input.AccountId is { } accountId && !await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.Validation(fieldPrefix + "accountId", "workitem.account_invalid");
        return null;
    }

    /// <summary>Adds a checked item to the unit of work (saved by the caller) and notifies its owner.</summary>
    public async Task<WorkItem> AddAsync(WorkItemKind kind, WorkItemInput input, Guid? meetingId, CancellationToken ct)
    {
        var item = new WorkItem
        {
            Kind = kind,
            Title = input.Title.Trim(),
            Details = string.IsNullOrWhiteSpace(input.Details) ? null : input.Details.Trim(),
            OwnerId = input.OwnerId!.Value,
            AssignerId = me.Id ?? input.OwnerId.Value,
            DueOn = input.DueOn!.Value,
            Status = WorkItemStatus.Open,
            AccountId = input.AccountId,
            MeetingId = meetingId,
        };
        db.Unscoped<WorkItem>().Add(item);
        await NotifyAssignedAsync(item, ct);
        return item;
    }

    /// <summary>Tells the owner they have a new item (a reassignment back to an earlier owner is a new occasion).</summary>
    public async Task NotifyAssignedAsync(WorkItem item, CancellationToken ct)
    {
        if (me.Id == item.OwnerId)
            return;
        var key = $"task_assigned:{item.Id}";
        if (await db.Unscoped<Notification>().AnyAsync(n => n.UserId == item.OwnerId && n.Key == key, ct))
            key = $"task_assigned:{item.Id}:{Guid.NewGuid():N}";
        notifier.Add(new NotificationMessage(item.OwnerId, "notify.task_assigned", key, item.Title, item.DueOn, $"/tasks/{item.Id}"));
    }

    /// <summary>Tells the assigner the item is done (once per item and assigner).</summary>
    public async Task NotifyDoneAsync(WorkItem item, CancellationToken ct)
    {
        var key = $"task_done:{item.Id}";
        if (item.AssignerId == item.OwnerId || await db.Unscoped<Notification>().AnyAsync(n => n.UserId == item.AssignerId && n.Key == key, ct))
            return;
        notifier.Add(new NotificationMessage(item.AssignerId, "notify.task_done", key, item.Title, item.DueOn, $"/tasks/{item.Id}"));
    }
}
