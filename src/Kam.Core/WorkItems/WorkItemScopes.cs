using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.WorkItems;

/// <summary>An account manager sees the items they own or assigned; the head, the assistant and the executive all.</summary>
public sealed class WorkItemScope : IScopeRule<WorkItem>
{
    public IQueryable<WorkItem> Visible(IQueryable<WorkItem> all, IKamDb db, ICurrentUser me)
    {
        if (WorkItemAccess.SeesAll(me))
            return all;
        if (DataScope.SeesOwnAccounts(me) && me.Id is { } id)
            return all.Where(w => w.OwnerId == id || w.AssignerId == id);
        return all.Where(w => false);
    }
}

/// <summary>An item's progress notes are seen with the item.</summary>
public sealed class WorkItemNoteScope() : ThroughParent<WorkItemNote, WorkItem>(n => n.WorkItemId, WorkItemAccess.SeesAll);

/// <summary>An account manager sees the meetings they attended or hold an action item of.</summary>
public sealed class MeetingScope : IScopeRule<Meeting>
{
    public IQueryable<Meeting> Visible(IQueryable<Meeting> all, IKamDb db, ICurrentUser me)
    {
        if (WorkItemAccess.SeesAll(me))
            return all;
        if (DataScope.SeesOwnAccounts(me) && me.Id is { } id)
            return all.Where(m => m.Attendees.Any(a => a.UserId == id) || db.Unscoped<WorkItem>().Any(w => w.MeetingId == m.Id && w.OwnerId == id));
        return all.Where(m => false);
    }
}

/// <summary>A meeting's attendees are seen with the meeting.</summary>
public sealed class MeetingAttendeeScope() : ThroughParent<MeetingAttendee, Meeting>(a => a.MeetingId, WorkItemAccess.SeesAll);
