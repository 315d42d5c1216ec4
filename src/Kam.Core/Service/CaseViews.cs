using Kam.Core.Accounts;

namespace Kam.Core.Service;

/// <summary>Where a case stands against its deadlines: on time, warned (past the warning level), or breached.</summary>
public enum CaseTiming
{
    OnTime,
    DueSoon,
    Breached,
    /// <summary>Resolved or closed: nothing runs.</summary>
    Done,
}

public sealed record CaseRow(Guid Id, string Number, string Title, CaseKind Kind, CaseSeverity Severity, CaseStatus Status, Guid AccountId, string AccountName,
    string CategoryName, Guid HandlerId, string HandlerName, DateTimeOffset ReceivedAt, DateTimeOffset NextDueAt, CaseTiming Timing, bool Breached);

public sealed record CaseQuery(string? Search = null, string? Status = null, string? Kind = null, string? Severity = null, Guid? Handler = null,
    Guid? Account = null, string? Category = null, DateOnly? From = null, DateOnly? To = null, bool? Overdue = null, int Page = 1, int PageSize = 20, string? Sort = null,
    Guid? Visit = null);

public sealed record CaseEventView(CaseEventKind Kind, DateTimeOffset At, string? ByName, string? FromName, string? ToName, string? Note);

public sealed record CaseLink(Guid Id, string Text);

public sealed record CaseView(
    Guid Id, string Number, string Title, CaseKind Kind, CaseSeverity Severity, CaseChannel Channel, string Category, string CategoryName, CaseStatus Status,
    Guid AccountId, string AccountName, CaseLink? Contact, CaseLink? Order, CaseLink? Shipment, CaseLink? Contract, CaseLink? Visit, CaseLink? MakeUp,
    string Description, Person Handler, IReadOnlyList<Person> Involved,
    DateTimeOffset ReceivedAt, DateTimeOffset ResponseDueAt, DateTimeOffset ResolutionDueAt, DateTimeOffset? AcknowledgedAt, string? FirstResponse,
    int? ResponseMinutes, DateTimeOffset? PausedAt, int PausedMinutes, DateTimeOffset? ResolvedAt, int? ResolutionMinutes, string? Resolution, string? RootCause,
    string? CorrectiveAction, bool? CustomerSatisfied, string? CustomerFeedback, DateTimeOffset? ConfirmedAt, DateTimeOffset? ClosedAt, string? CloseNote,
    int ReopenCount, DateTimeOffset? ResponseBreachedAt, DateTimeOffset? ResolutionBreachedAt, CaseTiming Timing,
    IReadOnlyList<CaseEventView> Events, Guid Version, bool MayAct, bool MayClose)
{
    /// <summary>The case's files (photos, the customer's letter), downloaded through the account's documents.</summary>
    public IReadOnlyList<Kam.Core.Attachments.AttachmentRow> Attachments { get; init; } = [];
}
