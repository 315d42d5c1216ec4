using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.WorkItems;

/// <summary>
/// Who sees and who touches meetings and work items. The head, the assistant and the executive see all; an account
/// manager sees the items they own or assigned and the meetings they attended or hold an action item of. The head and
/// the assistant record meetings and follow every item up; only the head assigns tasks; the executive reads.
/// </summary>
public static class WorkItemAccess
{
    public static bool SeesAll(ICurrentUser me) => DataScope.SeesAllAccounts(me);

    public static bool RecordsMeetings(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    public static bool AssignsTasks(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head);

    /// <summary>Follows up (notes, due date, title, owner, cancel) any item, not only the ones they assigned.</summary>
    public static bool FollowsUpAll(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    public static bool FollowsUp(ICurrentUser me, WorkItem item) => FollowsUpAll(me) || (me.Id is { } id && item.AssignerId == id);

    public static bool Owns(ICurrentUser me, WorkItem item) => me.Id is { } id && item.OwnerId == id;

    public static bool IsOpen(WorkItemStatus status) => status is WorkItemStatus.Open or WorkItemStatus.InProgress;
}
