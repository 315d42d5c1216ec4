using Kam.Core.Appraisals;
using Kam.Core.Common;

namespace Kam.Core.Commission;

/// <summary>What a commission is computed on: the month's collections credited to the person (回款), or the contracts
/// signed (签约额).</summary>
public enum CommissionBase
{
    Collected,
    Signed,
}

public enum RateMode
{
    /// <summary>One rate on the whole base.</summary>
    Flat,

    /// <summary>By bracket of the month's base: marginal (each part at its bracket's rate) or whole (all at the bracket reached).</summary>
    Brackets,

    /// <summary>By achievement of the person's target: a rate per band of achievement up to the target, an accelerator on
    /// the part above it, a bonus when the challenge target is reached.</summary>
    Achievement,
}

/// <summary>A rate that replaces the scheme's for part of the base: a product brand or series (by the order's lines),
/// an account category (体系内 / 体系外), or accounts in their first year (新开发客户).</summary>
public enum SpecialKind
{
    Brand,
    Series,
    NewAccount,
    Category,
}

public enum CoefficientMode
{
    /// <summary>The appraisal does not touch the commission.</summary>
    Off,

    /// <summary>The month's appraisal coefficient multiplies the commission.</summary>
    On,

    /// <summary>As <see cref="On"/>, but never above the cap (a good grade does not raise it past it).</summary>
    Capped,
}

/// <summary>From this amount of the month's base (yuan) the rate is this (percent).</summary>
public sealed record Bracket(decimal From, decimal Rate);

/// <summary>From this achievement of the target (percent) the rate is this (percent).</summary>
public sealed record AchievementBand(decimal FromPercent, decimal Rate);

public sealed record SpecialRate(SpecialKind Kind, string? Key, decimal Rate);

/// <summary>
/// A commission scheme's rules (提成规则). Rates are percentages. <see cref="HoldPercent"/> of what an account with
/// receivables more than <see cref="OverdueDays"/> days overdue earns is held back until they are collected.
/// </summary>
public sealed record CommissionDefinition(
    CommissionBase Base,
    RateMode Mode,
    decimal Rate = 0,
    IReadOnlyList<Bracket>? Brackets = null,
    bool Marginal = true,
    IReadOnlyList<AchievementBand>? Bands = null,
    decimal? AcceleratorRate = null,
    decimal? ChallengeBonus = null,
    IReadOnlyList<SpecialRate>? Special = null,
    decimal HoldPercent = 0,
    int OverdueDays = 90,
    CoefficientMode Coefficient = CoefficientMode.On,
    decimal? CoefficientCap = null);

/// <summary>
/// The field staff's commission scheme (外勤提成方案) from a month on: drafted by the head or the assistant, approved by
/// the executive (document type <c>commission_scheme</c>), locked once approved; a later month's is a new revision. Read
/// by everyone: a person knows how they are paid.
/// </summary>
[Scoped(Scope.Department)]
public class CommissionScheme : Entity, IVersionedScheme
{
    public string Name { get; set; } = "";

    public DateOnly FromMonth { get; set; }

    public int Revision { get; set; } = 1;

    public Guid? PreviousId { get; set; }

    public SchemeStatus Status { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    /// <summary>JSON of <see cref="CommissionDefinition"/>.</summary>
    public string Definition { get; set; } = "{}";
}
