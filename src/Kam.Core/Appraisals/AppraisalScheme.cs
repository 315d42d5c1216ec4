using Kam.Core.Common;
using Kam.Core.Targets;

namespace Kam.Core.Appraisals;

public enum SchemeStatus
{
    Draft,
    UnderReview,
    Approved,
    Rejected,
}

/// <summary>Where an indicator's value comes from: the records (computed at month end) or the head's rating.</summary>
public enum IndicatorSource
{
    /// <summary>目标达成率: the month's actual of a target metric against the person's target, in percent.</summary>
    Target,

    /// <summary>A 类客户拜访覆盖率: the share of the person's A accounts visited in the month.</summary>
    ATierCoverage,

    /// <summary>日报提交率: reports submitted of the month's working days.</summary>
    DailyReports,

    /// <summary>投诉按时解决率: complaints resolved on time of those resolved (the case's handler when the sheet is computed).</summary>
    CasesOnTime,

    /// <summary>投诉客户满意率: complaints the customer confirmed as satisfied of those confirmed.</summary>
    CasesSatisfied,

    /// <summary>客户满意度 (CSAT): answers averaging 4 or more of the follow-ups answered about the person's accounts.</summary>
    Satisfaction,

    /// <summary>费用合规率: claims submitted without a warning or a justification (over standard or budget) of those submitted.</summary>
    ExpensesWithinStandard,

    /// <summary>A rated indicator (工作态度, 团队协作, 执行力 …): the head scores 0–100 with a comment.</summary>
    Rated,
}

public enum ScoreRuleKind
{
    /// <summary>0 at or below the floor, 100 at or above the ceiling, in a straight line between.</summary>
    Linear,

    /// <summary>The value against the ceiling (value ÷ ceiling × 100), capped at the cap.</summary>
    Ratio,

    /// <summary>The score of the highest band whose lower bound the value reaches.</summary>
    Table,
}

public sealed record ScoreBand(decimal From, decimal Score);

/// <summary>How a computed indicator's value (a percentage) becomes a score of 0–100 (up to the cap for a ratio).</summary>
public sealed record ScoreRule(ScoreRuleKind Kind, decimal Floor = 0, decimal Ceiling = 100, decimal Cap = 100, IReadOnlyList<ScoreBand>? Bands = null);

/// <summary>One indicator of a scheme: a code unique in the scheme, its name, its source, its weight (all weights sum to 100).</summary>
public sealed record IndicatorDefinition(string Code, string Name, IndicatorSource Source, int Weight, TargetMetric? Metric = null, ScoreRule? Rule = null);

/// <summary>A grade from a total score up, and the commission coefficient it gives (绩效系数).</summary>
public sealed record GradeDefinition(string Grade, decimal MinScore, decimal Coefficient);

/// <summary>
/// What a scheme says: its indicators, its grades, the limits of the bonus and deduction points (加减分), how many days
/// a person has to confirm or appeal a published sheet, and the forced distribution's share of the top grade (a warning
/// at calibration, not a block).
/// </summary>
public sealed record SchemeDefinition(IReadOnlyList<IndicatorDefinition> Indicators, IReadOnlyList<GradeDefinition> Grades, decimal BonusCap = 10,
    decimal DeductionCap = 20, int AppealDays = 5, int? TopGradeMaxPercent = 20);

/// <summary>
/// An appraisal scheme (考核方案) for a role from a month on: drafted by the head or the assistant, approved by the
/// executive (document type <c>appraisal_scheme</c>), locked once approved. A later month's scheme is a new revision;
/// a month is appraised under the approved scheme of its role with the latest start not after it. Everyone in the
/// department reads the schemes (公开: a person knows how they are appraised).
/// </summary>
[Scoped(Scope.Department)]
public class AppraisalScheme : Entity, IVersionedScheme
{
    public string Name { get; set; } = "";

    /// <summary>The role appraised (<see cref="Identity.Roles"/>), AccountManager by default.</summary>
    public string Role { get; set; } = Identity.Roles.AccountManager;

    /// <summary>The first month it applies to (the first day).</summary>
    public DateOnly FromMonth { get; set; }

    public int Revision { get; set; } = 1;

    public Guid? PreviousId { get; set; }

    public SchemeStatus Status { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>JSON of <see cref="SchemeDefinition"/>.</summary>
    public string Definition { get; set; } = "{}";
}
