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

public enum PlanChange
{
    Same,
    Added,
    Removed,
    Changed,
}

/// <summary>One item of two revisions side by side: what it was (null when added) and what it is (null when removed).</summary>
public sealed record PlanItemChange(PlanChange Change, PlanItemView? Before, PlanItemView? After);

/// <summary>Two revisions of a plan compared: the title and summary as they were and are, and every item.</summary>
public sealed record PlanComparison(PlanRow Before, PlanRow After, bool TitleChanged, string BeforeTitle, string AfterTitle,
    bool SummaryChanged, string? BeforeSummary, string? AfterSummary, IReadOnlyList<PlanItemChange> Items);

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
