using Kam.Core.Common;

namespace Kam.Core.Service;

/// <summary>投诉, 异议 or 问题求助.</summary>
public enum CaseKind
{
    Complaint,
    Objection,
    Problem,
}

/// <summary>一般, 严重, 重大.</summary>
public enum CaseSeverity
{
    Normal,
    Serious,
    Critical,
}

/// <summary>How the case came in: 电话, 拜访, 邮件, 微信, 来函, 其他.</summary>
public enum CaseChannel
{
    Phone,
    Visit,
    Email,
    WeChat,
    Letter,
    Other,
}

public enum CaseStatus
{
    /// <summary>Received, nobody has answered the customer yet.</summary>
    New,

    /// <summary>The first response is recorded (受理).</summary>
    Acknowledged,

    InProgress,

    /// <summary>Waiting for the customer (待客户确认/补充): the resolution clock stands still.</summary>
    WaitingCustomer,

    Resolved,

    Closed,
}

/// <summary>
/// A customer's complaint, objection or problem (客户投诉 / 异议 / 问题求助), followed to the end: received, answered
/// (first response), worked on, resolved with its root cause and corrective action, confirmed by the customer and
/// closed, against deadlines counted in working time. Never deleted; a case opened by mistake is closed with a note.
/// </summary>
[Scoped(Scope.Account)]
public class ServiceCase : Entity, IBelongsToAccount, ISearchable
{
    SearchKind ISearchable.SearchKind => SearchKind.Case;

    string ISearchable.SearchableText() => (Number + "|" + Title).ToLowerInvariant();

    /// <summary>KF-2026-000001.</summary>
    public string Number { get; set; } = "";

    public CaseKind Kind { get; set; }

    public Guid AccountId { get; set; }

    public Guid? ContactId { get; set; }

    public CaseChannel Channel { get; set; }

    /// <summary>A code of the configured categories (<see cref="ServicePolicies"/>).</summary>
    public string Category { get; set; } = "";

    public CaseSeverity Severity { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public Guid? OrderId { get; set; }

    public Guid? ShipmentId { get; set; }

    public Guid? ContractId { get; set; }

    /// <summary>The visit whose customer requests it came from.</summary>
    public Guid? VisitId { get; set; }

    /// <summary>The make-up shipment requested from the case (补货), through the orders' make-up flow.</summary>
    public Guid? MakeUpShipmentId { get; set; }

    /// <summary>Who handles it now (by default the account's owner); <see cref="CaseEvent"/> keeps who had it when.</summary>
    public Guid HandlerId { get; set; }

    /// <summary>Others involved, by user id, comma-separated (few: a technician, the logistics clerk).</summary>
    public string? Involved { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>When the customer raised it: the clock starts here.</summary>
    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset ResponseDueAt { get; set; }

    public DateTimeOffset ResolutionDueAt { get; set; }

    /// <summary>When 75% (the policy's warning level) of each window is used: the reminders compare with these.</summary>
    public DateTimeOffset ResponseWarnAt { get; set; }

    public DateTimeOffset ResolutionWarnAt { get; set; }

    public DateTimeOffset? AcknowledgedAt { get; set; }

    public string? FirstResponse { get; set; }

    /// <summary>Working minutes from receipt to the first response.</summary>
    public int? ResponseMinutes { get; set; }

    /// <summary>Since when it waits for the customer (null: the clock runs).</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>Working minutes spent waiting for the customer, all pauses together.</summary>
    public int PausedMinutes { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>Working minutes from receipt to the (last) resolution, less the pauses.</summary>
    public int? ResolutionMinutes { get; set; }

    public string? Resolution { get; set; }

    public string? RootCause { get; set; }

    public string? CorrectiveAction { get; set; }

    /// <summary>The customer's word on the resolution: satisfied or not (null: not recorded yet).</summary>
    public bool? CustomerSatisfied { get; set; }

    public string? CustomerFeedback { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public Guid? ClosedById { get; set; }

    public string? CloseNote { get; set; }

    public int ReopenCount { get; set; }

    /// <summary>Set once by the reminders or by a late action: the deadline passed before the step was done (考核).</summary>
    public DateTimeOffset? ResponseBreachedAt { get; set; }

    public DateTimeOffset? ResolutionBreachedAt { get; set; }

    public bool ResponseWarned { get; set; }

    public bool ResolutionWarned { get; set; }
}

public enum CaseEventKind
{
    Opened,
    Acknowledged,
    Progress,
    Waiting,
    Resumed,
    Resolved,
    Confirmed,
    Reopened,
    Closed,
    HandedOver,
    ResponseBreached,
    ResolutionBreached,
    MakeUpRequested,
    Edited,
}

/// <summary>One step in a case's history: who did what when, and for a handover whose it was and whose it became.</summary>
[Scoped(Scope.Parent, Rule = typeof(CaseEventScope))]
public class CaseEvent : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CaseId { get; set; }

    public CaseEventKind Kind { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who did it (null: Kam itself, e.g. a breach found by the reminders).</summary>
    public Guid? ById { get; set; }

    public Guid? FromUserId { get; set; }

    public Guid? ToUserId { get; set; }

    public string? Note { get; set; }
}

public sealed class CaseEventScope() : ThroughParent<CaseEvent, ServiceCase>(e => e.CaseId);
