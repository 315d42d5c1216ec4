using Kam.Core.Common;

namespace Kam.Core.Visits;

public enum VisitStatus
{
    Planned,
    Done,
    Cancelled,
}

/// <summary>
/// One visit to a key account (拜访): first a plan (when, whom to meet, why), then — once it happened — its record
/// (what happened, whom they met, what comes next). A record can also be logged without a plan. Never deleted: a plan
/// that will not happen is cancelled with a reason.
/// </summary>
[Scoped(Scope.Account)]
public class Visit : Entity, IBelongsToAccount
{
    public Guid AccountId { get; set; }

    /// <summary>The account manager who visits (the plan's or the record's person).</summary>
    public Guid UserId { get; set; }

    public VisitStatus Status { get; set; }

    /// <summary>When it is planned or, once done, when it happened.</summary>
    public DateTimeOffset At { get; set; }

    /// <summary>The business date (Asia/Shanghai) of <see cref="At"/>: calendars, daily reports and lists read it.</summary>
    public DateOnly Date { get; set; }

    /// <summary>When the plan was for, kept after the plan is completed.</summary>
    public DateTimeOffset? PlannedAt { get; set; }

    public string? Purpose { get; set; }

    public string? ExpectedOutcome { get; set; }

    public int? DurationMinutes { get; set; }

    public string? Summary { get; set; }

    public string? Outcome { get; set; }

    public string? CustomerRequests { get; set; }

    public string? Competitors { get; set; }

    public string? NextStep { get; set; }

    public DateOnly? NextStepOn { get; set; }

    /// <summary>Check-in place as text ("客户总部 3 楼") and/or coordinates from the phone.</summary>
    public string? Location { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// <summary>When the record was written (the 7-day edit window of its author counts from here).</summary>
    public DateTimeOffset? RecordedAt { get; set; }

    public string? CancelReason { get; set; }

    public List<VisitContact> Contacts { get; set; } = [];
}

public enum VisitContactRole
{
    /// <summary>To meet, on the plan.</summary>
    Planned,

    /// <summary>Met, on the record.</summary>
    Met,
}

[Scoped(Scope.Parent, Rule = typeof(VisitContactScope))]
public class VisitContact : IAudited
{
    public Guid VisitId { get; set; }

    public Guid ContactId { get; set; }

    public VisitContactRole Role { get; set; }
}

/// <summary>How often each tier must be visited, set by the head (default A 30, B 60, C 90 days).</summary>
public sealed record VisitPolicy(int A = 30, int B = 60, int C = 90)
{
    public const string SettingKey = "visits.policy";

    public int DaysFor(Accounts.AccountTier tier) => tier switch
    {
        Accounts.AccountTier.A => A,
        Accounts.AccountTier.B => B,
        _ => C,
    };
}
