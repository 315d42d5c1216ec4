using FluentValidation;
using Kam.Core.Accounts;

namespace Kam.Core.Visits;

/// <summary>A visit plan: which account, when, whom to meet and why. <see cref="UserId"/>: the head plans for others.</summary>
public sealed record VisitPlanInput
{
    public Guid AccountId { get; init; }
    public Guid? UserId { get; init; }
    public DateTimeOffset At { get; init; }
    public IReadOnlyList<Guid>? ContactIds { get; init; }
    public string? Purpose { get; init; }
    public string? ExpectedOutcome { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>What happened at a visit: for completing a plan, logging one without a plan, or correcting a record.</summary>
public sealed record VisitRecordInput
{
    /// <summary>Only when logging without a plan (a plan already names its account).</summary>
    public Guid? AccountId { get; init; }
    public DateTimeOffset? At { get; init; }
    public int? DurationMinutes { get; init; }
    public IReadOnlyList<Guid>? ContactIds { get; init; }
    public string? Summary { get; init; }
    public string? Outcome { get; init; }
    public string? CustomerRequests { get; init; }
    public string? Competitors { get; init; }
    public string? NextStep { get; init; }
    public DateOnly? NextStepOn { get; init; }
    public string? Location { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public Guid? Version { get; init; }
}

public sealed record VisitCancelInput(string? Reason, Guid? Version);

public sealed class VisitPlanInputValidator : AbstractValidator<VisitPlanInput>
{
    public VisitPlanInputValidator()
    {
        RuleFor(x => x.AccountId).NotEmpty().WithErrorCode("visit.account_required");
        RuleFor(x => x.At).NotEmpty().WithErrorCode("visit.at_required")
            .Must(at => at.Year is > 2000 and < 2100).WithErrorCode("visit.at_range").When(x => x.At != default);
        RuleFor(x => x.Purpose).NotEmpty().WithErrorCode("visit.purpose_required").MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.ExpectedOutcome).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.ContactIds).Must(c => c is null || c.Count <= 20).WithErrorCode("visit.too_many_contacts");
    }
}

public sealed class VisitRecordInputValidator : AbstractValidator<VisitRecordInput>
{
    public VisitRecordInputValidator()
    {
        RuleFor(x => x.At).Must(at => at!.Value.Year is > 2000 and < 2100).WithErrorCode("visit.at_range").When(x => x.At is not null);
        RuleFor(x => x.Summary).NotEmpty().WithErrorCode("visit.summary_required").MaximumLength(4000).WithErrorCode("field.too_long");
        RuleFor(x => x.DurationMinutes).InclusiveBetween(1, 24 * 60).WithErrorCode("visit.duration_range").When(x => x.DurationMinutes is not null);
        RuleFor(x => x.Outcome).MaximumLength(1000).WithErrorCode("field.too_long");
        RuleFor(x => x.CustomerRequests).MaximumLength(1000).WithErrorCode("field.too_long");
        RuleFor(x => x.Competitors).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.NextStep).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.NextStepOn).NotEmpty().WithErrorCode("visit.next_step_date_required").When(x => !string.IsNullOrWhiteSpace(x.NextStep));
        RuleFor(x => x.Location).MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).WithErrorCode("visit.coordinates_invalid").When(x => x.Latitude is not null);
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).WithErrorCode("visit.coordinates_invalid").When(x => x.Longitude is not null);
        RuleFor(x => x.Longitude).NotNull().WithErrorCode("visit.coordinates_invalid").When(x => x.Latitude is not null);
        RuleFor(x => x.Latitude).NotNull().WithErrorCode("visit.coordinates_invalid").When(x => x.Longitude is not null);
        RuleFor(x => x.ContactIds).Must(c => c is null || c.Count <= 20).WithErrorCode("visit.too_many_contacts");
    }
}

public sealed class VisitPolicyValidator : AbstractValidator<VisitPolicy>
{
    public VisitPolicyValidator()
    {
        RuleFor(x => x.A).InclusiveBetween(1, 365).WithErrorCode("visit.policy_days");
        RuleFor(x => x.B).InclusiveBetween(1, 365).WithErrorCode("visit.policy_days");
        RuleFor(x => x.C).InclusiveBetween(1, 365).WithErrorCode("visit.policy_days");
        RuleFor(x => x.B).GreaterThanOrEqualTo(x => x.A).WithErrorCode("visit.policy_order");
        RuleFor(x => x.C).GreaterThanOrEqualTo(x => x.B).WithErrorCode("visit.policy_order");
    }
}

/// <summary>
/// Filters of the visit lists. <see cref="Overdue"/>: plans whose day has passed without a record.
/// <see cref="Mine"/>: only the caller's own visits.
/// </summary>
public sealed record VisitQuery(Guid? UserId = null, Guid? AccountId = null, DateOnly? From = null, DateOnly? To = null,
    VisitStatus? Status = null, AccountTier? Tier = null, bool? Overdue = null, bool? Mine = null, string? Search = null,
    string? Sort = null, int? Page = null, int? PageSize = null);

public sealed record VisitRow(Guid Id, Guid AccountId, string AccountName, AccountTier Tier, Person User, VisitStatus Status,
    DateTimeOffset At, DateOnly Date, string? Purpose, string? Summary, string? NextStep, DateOnly? NextStepOn, bool Overdue);

public sealed record VisitContactView(Guid Id, string Name, string? Title, VisitContactRole Role);

public sealed record VisitView(Guid Id, Guid AccountId, string AccountName, AccountTier Tier, Person User, VisitStatus Status,
    DateTimeOffset At, DateOnly Date, DateTimeOffset? PlannedAt, string? Purpose, string? ExpectedOutcome, int? DurationMinutes,
    string? Summary, string? Outcome, string? CustomerRequests, string? Competitors, string? NextStep, DateOnly? NextStepOn,
    string? Location, double? Latitude, double? Longitude, DateTimeOffset? RecordedAt, string? CancelReason,
    IReadOnlyList<VisitContactView> Contacts, VisitPermissions Can, Guid Version);

/// <summary>What the caller may do with this visit now (the UI shows the buttons; the server enforces the same).</summary>
public sealed record VisitPermissions(bool EditPlan, bool Complete, bool Cancel, bool EditRecord);

public sealed record OverdueQuery(Guid? OwnerId = null, AccountTier? Tier = null, bool? DueSoon = null, string? Search = null,
    int? Page = null, int? PageSize = null);

/// <summary>An account that owes a visit: <see cref="DaysOverdue"/> negative when it is only due soon.</summary>
public sealed record OverdueRow(Guid AccountId, string AccountName, AccountTier Tier, Person Owner, DateOnly? LastVisitOn,
    DateOnly DueOn, int DaysOverdue, DateOnly? NextPlannedOn);

/// <summary>Visit standing of one account: shown on its page.</summary>
public sealed record AccountVisitStatus(DateOnly? LastVisitOn, DateOnly DueOn, bool Overdue, int IntervalDays, DateOnly? NextPlannedOn);
