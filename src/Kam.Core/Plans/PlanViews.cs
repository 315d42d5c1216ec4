using Kam.Core.Accounts;

namespace Kam.Core.Plans;

public sealed record PlanItemView(Guid Id, PlanItemKind Kind, string Text, Person? Owner, DateOnly? DueOn, Guid? AccountId, string? AccountName);

public sealed record PlanView(
    Guid Id,
    string Period,
    int Revision,
    Guid? PreviousId,
    string Title,
    string? Summary,
    PlanStatus Status,
    Guid? ApprovalId,
    bool Editable,
    Person? Author,
    DateTimeOffset UpdatedAt,
    Guid Version,
    IReadOnlyList<PlanItemView> Items);

public sealed record PlanRow(Guid Id, string Period, int Revision, string Title, PlanStatus Status, DateTimeOffset UpdatedAt);

public sealed record PlanItemInput
{
    public PlanItemKind? Kind { get; init; }

    public string? Text { get; init; }

    public Guid? OwnerId { get; init; }

    public DateOnly? DueOn { get; init; }

    public Guid? AccountId { get; init; }
}

public sealed record PlanInput
{
    public string? Period { get; init; }

    public string? Title { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<PlanItemInput>? Items { get; init; }

    /// <summary>The version read (updates only).</summary>
    public Guid? Version { get; init; }
}

public sealed record PlanActionInput(Guid? Version, string? Note);
