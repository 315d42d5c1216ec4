namespace Kam.Core.WorkItems;

public sealed record PersonRef(Guid Id, string Name);

/// <summary>A line of the work item list; <see cref="AccountName"/> is null when the reader may not see the account.</summary>
public sealed record WorkItemRow(
    Guid Id,
    WorkItemKind Kind,
    string Title,
    WorkItemStatus Status,
    DateOnly DueOn,
    bool Overdue,
    Guid OwnerId,
    string OwnerName,
    Guid AssignerId,
    string AssignerName,
    Guid? AccountId,
    string? AccountName,
    Guid? MeetingId,
    string? MeetingTitle,
    DateTimeOffset UpdatedAt);

public sealed record WorkItemNoteRow(Guid Id, Guid UserId, string UserName, string Text, DateTimeOffset At);

/// <summary>A work item with its notes and what the reader may do with it.</summary>
public sealed record WorkItemDetail(
    WorkItemRow Item,
    string? Details,
    DateTimeOffset? DoneAt,
    string? CancelReason,
    DateTimeOffset CreatedAt,
    Guid Version,
    IReadOnlyList<WorkItemNoteRow> Notes,
    bool CanChangeStatus,
    bool CanFollowUp);

public sealed record MeetingRow(
    Guid Id,
    string Title,
    DateTimeOffset At,
    string? Location,
    int AttendeeCount,
    int ActionItemCount,
    int OpenActionItemCount,
    bool Archived);

public sealed record MeetingDetail(
    Guid Id,
    string Title,
    DateTimeOffset At,
    string? Location,
    IReadOnlyList<PersonRef> Attendees,
    string? OtherAttendees,
    string? Agenda,
    string? Minutes,
    string? Decisions,
    DateTimeOffset? ArchivedAt,
    string RecordedBy,
    Guid Version,
    IReadOnlyList<WorkItemRow> ActionItems,
    bool CanEdit);
