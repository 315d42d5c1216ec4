namespace Kam.Core.Expenses;

public sealed record ActivityCostInput(string? Category, decimal? Amount);

public sealed record ActivityInput(string? Title, ActivityKind? Kind, string? Purpose, string? Audience, DateOnly? Date, string? Place, Guid? OwnerId,
    IReadOnlyList<Guid>? AccountIds, IReadOnlyList<ActivityCostInput>? Costs, Guid? Version);

public sealed record ActivityActionInput(Guid? Version, string? Note);

public sealed record ActivityOutcomeInput(string? Outcome, IReadOnlyList<Guid>? OpportunityIds, Guid? Version);

public sealed record ActivityRow(Guid Id, string Title, ActivityKind Kind, DateOnly Date, string OwnerName, ActivityStatus Status, decimal Planned, decimal Actual);

/// <summary>Planned against actual for one category: the plan, and the approved claim lines linked to the activity.</summary>
public sealed record ActivityCostView(string Category, string CategoryName, decimal Planned, decimal Actual);

public sealed record ActivityAccountView(Guid Id, string Name);

public sealed record ActivityOpportunityView(Guid Id, string Name, decimal ExpectedAmount);

public sealed record ActivityView(Guid Id, string Title, ActivityKind Kind, string Purpose, string? Audience, DateOnly Date, string? Place, Guid OwnerId, string OwnerName,
    ActivityStatus Status, decimal PlannedTotal, decimal ActualTotal, Guid? ApprovalId, string? Outcome, Guid Version, bool MayEdit, bool MayRecordOutcome,
    IReadOnlyList<ActivityAccountView> Accounts, IReadOnlyList<ActivityCostView> Costs, IReadOnlyList<ActivityOpportunityView> Opportunities);
