using Kam.Core.Common;

namespace Kam.Core.WorkItems;

public enum WorkItemKind
{
    /// <summary>Work the head assigns directly (布置工作).</summary>
    Task,

    /// <summary>A meeting decision to carry out (督办事项).</summary>
    ActionItem,

    /// <summary>An item of an account manager's monthly action plan (行动计划), followed up like any task.</summary>
    PlanItem,
}

public enum WorkItemStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>A task or a meeting's action item: one list, one owner, one due date, followed up until done.</summary>
[Scoped(Scope.Person, Rule = typeof(WorkItemScope))]
public class WorkItem : Entity
{
    public WorkItemKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string? Details { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>Who assigned it (the head for tasks, the meeting's recorder for action items).</summary>
    public Guid AssignerId { get; set; }

    public DateOnly DueOn { get; set; }

    public WorkItemStatus Status { get; set; }

    public Guid? AccountId { get; set; }

    public Guid? MeetingId { get; set; }

    public DateTimeOffset? DoneAt { get; set; }

    public string? CancelReason { get; set; }

    public List<WorkItemNote> Notes { get; set; } = [];
}

/// <summary>A progress note on a work item, by its owner or whoever follows it up.</summary>
[Scoped(Scope.Parent, Rule = typeof(WorkItemNoteScope))]
public class WorkItemNote : Entity
{
    public Guid WorkItemId { get; set; }

    public Guid UserId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>A meeting and its minutes (会议纪要), recorded by the assistant; decisions become action items.</summary>
[Scoped(Scope.Person, Rule = typeof(MeetingScope))]
public class Meeting : Entity, IArchivable
{
    public string Title { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Location { get; set; }

    /// <summary>People from outside the department, as text.</summary>
    public string? OtherAttendees { get; set; }

    public string? Agenda { get; set; }

    public string? Minutes { get; set; }

    public string? Decisions { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public List<MeetingAttendee> Attendees { get; set; } = [];
}

[Scoped(Scope.Parent, Rule = typeof(MeetingAttendeeScope))]
public class MeetingAttendee : IAudited
{
    public Guid MeetingId { get; set; }

    public Guid UserId { get; set; }
}
