using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Targets;

namespace Kam.Core.Appraisals;

public enum AppraisalStatus
{
    /// <summary>Computed; the person writes a self-assessment, the head rates.</summary>
    Open,

    /// <summary>The month was submitted to the executive: locked.</summary>
    Submitted,

    /// <summary>Approved and shown whole to the person, who confirms or appeals before <see cref="Appraisal.AppealBy"/>.</summary>
    Published,

    /// <summary>The person confirmed it: final.</summary>
    Confirmed,

    /// <summary>The person appealed; the head answers.</summary>
    Appealed,

    /// <summary>The window passed, or the appeal was answered: final.</summary>
    Final,
}

/// <summary>
/// One line of a sheet: the indicator as the scheme defined it, its value (a percentage) with what it was computed from
/// (<see cref="Actual"/> of <see cref="Of"/>: yuan for a money target, counts otherwise), its score, and the head's comment
/// on a rated one. No value means the indicator did not apply this month (no target, no complaint …): its weight goes to
/// the others.
/// </summary>
public sealed record SheetItem(string Code, string Name, IndicatorSource Source, int Weight, TargetMetric? Metric, decimal? Value, decimal? Actual, decimal? Of,
    decimal? Score, string? Comment = null);

/// <summary>
/// A person's monthly appraisal sheet (月度考核表). Open to the person it is about (公开: every figure and, once published,
/// every comment), and to the head, the assistant and the executive; to nobody else.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(AppraisalScope))]
public class Appraisal : Entity
{
    public Guid PersonId { get; set; }

    /// <summary>The first day of the month appraised.</summary>
    public DateOnly Month { get; set; }

    public Guid SchemeId { get; set; }

    public AppraisalStatus Status { get; set; }

    /// <summary>JSON of <see cref="SheetItem"/>s.</summary>
    public string Items { get; set; } = "[]";

    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>The approved reward points of the month (before the scheme's cap).</summary>
    public decimal Bonus { get; set; }

    /// <summary>The approved fault points of the month (before the scheme's cap).</summary>
    public decimal Deduction { get; set; }

    /// <summary>Null while a rated indicator has no score.</summary>
    public decimal? Total { get; set; }

    public string? Grade { get; set; }

    public decimal? Coefficient { get; set; }

    /// <summary>自评.</summary>
    public string? SelfAssessment { get; set; }

    /// <summary>The person's suggestions about the scheme (反馈方案运行中存在的问题，并提出改善建议).</summary>
    public string? Suggestions { get; set; }

    public string? HeadComment { get; set; }

    public Guid? RatedById { get; set; }

    public DateTimeOffset? RatedAt { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>The last day the person may confirm or appeal.</summary>
    public DateOnly? AppealBy { get; set; }

    public DateTimeOffset? ConfirmedAt { get; set; }

    /// <summary>The indicator appealed (its code), or null for the sheet as a whole.</summary>
    public string? AppealItem { get; set; }

    public string? AppealReason { get; set; }

    public DateTimeOffset? AppealedAt { get; set; }

    public string? AppealAnswer { get; set; }

    public Guid? AnsweredById { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

public sealed class AppraisalScope : IScopeRule<Appraisal>
{
    public IQueryable<Appraisal> Visible(IQueryable<Appraisal> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(a => a.PersonId == id) : all.Where(a => false);
    }
}

public enum RoundStatus
{
    Open,
    UnderReview,
    Approved,
    Rejected,
}

/// <summary>
/// The department's appraisal of one month as a whole (考核月): the head submits it when every sheet is rated, the
/// executive approves (document type <c>appraisal_month</c>) and the sheets are published. Only counts and states: read
/// by every business role.
/// </summary>
[Scoped(Scope.Department)]
public class AppraisalRound : Entity
{
    public DateOnly Month { get; set; }

    public RoundStatus Status { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
}
