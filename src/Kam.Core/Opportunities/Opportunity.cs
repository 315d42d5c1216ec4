using Kam.Core.Common;

namespace Kam.Core.Opportunities;

public enum OpportunityStatus
{
    Open,
    Won,
    Lost,
}

/// <summary>
/// A cooperation project (合作项目 / 商机) being developed with an account: it moves through the stages the head
/// configures (<see cref="OpportunityStages"/>) until it is won or lost (lost needs a reason).
/// </summary>
[Scoped(Scope.Account)]
public class Opportunity : Entity, IBelongsToAccount, IArchivable, ISearchable
{
    public Guid AccountId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Products or brands concerned, as text.</summary>
    public string? Products { get; set; }

    public decimal ExpectedAmount { get; set; }

    SearchKind ISearchable.SearchKind => SearchKind.Opportunity;

    string ISearchable.SearchableText() => Name.ToLowerInvariant();

    /// <summary>The key of the stage in <see cref="OpportunityStages"/>.</summary>
    public string Stage { get; set; } = "";

    /// <summary>Win probability in percent, taken from the stage when it is entered (the forecast weighs by it).</summary>
    public int Probability { get; set; }

    public OpportunityStatus Status { get; set; }

    public DateOnly? ExpectedSignOn { get; set; }

    public string? Competitors { get; set; }

    public Guid OwnerId { get; set; }

    public string? NextStep { get; set; }

    public DateOnly? NextStepOn { get; set; }

    public string? LostReason { get; set; }

    /// <summary>The business date it was won or lost.</summary>
    public DateOnly? ClosedOn { get; set; }

    /// <summary>Position inside its pipeline column (drag to reorder); lower first.</summary>
    public int Rank { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>The business day it was opened (earlier projects count from the day they were created).</summary>
    public DateOnly? OpenedOn { get; set; }

    /// <summary>Who the opened project is credited to (its owner then); fixed when opened.</summary>
    public Guid? CreditedToId { get; set; }
}

/// <summary>One stage of the pipeline: a stable key, its Chinese name, the probability and whether it closes the project.</summary>
public sealed record OpportunityStage(string Key, string Name, int Probability, OpportunityStatus Outcome = OpportunityStatus.Open);

/// <summary>The pipeline's stages, configured by the head (setting <see cref="Key"/>); the default is the seed's.</summary>
public static class OpportunityStages
{
    public const string Key = "opportunities.stages";

    public static IReadOnlyList<OpportunityStage> Default { get; } =
    [
        new("contact", "初步接触", 10),
        new("needs", "需求确认", 30),
        new("proposal", "方案报价", 50),
        new("negotiation", "商务谈判", 75),
        new("won", "赢单", 100, OpportunityStatus.Won),
        new("lost", "输单", 0, OpportunityStatus.Lost),
    ];
}
