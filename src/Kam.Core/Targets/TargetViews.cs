using Kam.Core.Accounts;

namespace Kam.Core.Targets;

/// <summary>The three levels of a target: 保底, 目标, 挑战.</summary>
public sealed record TargetLevels(decimal Minimum, decimal Target, decimal Challenge)
{
    public static readonly TargetLevels Zero = new(0, 0, 0);

    public TargetLevels Plus(TargetLevels other) => new(Minimum + other.Minimum, Target + other.Target, Challenge + other.Challenge);
}

public sealed record TargetPersonLine(Person Person, TargetLevels Levels, bool Active);

/// <summary>
/// The breakdown of one metric in a period: the department's levels, each person's, and what the people's targets
/// sum to (for a summed metric the difference must be zero to save). A quarter or a year is the sum of its months,
/// read-only (<see cref="Version"/> null); so is a month nobody has broken down yet.
/// </summary>
public sealed record TargetSheetView(
    TargetMetric Metric,
    bool Money,
    bool Summed,
    Guid? Version,
    TargetLevels Department,
    IReadOnlyList<TargetPersonLine> People,
    TargetLevels PeopleSum,
    decimal Difference);

public sealed record TargetBreakdown(string Period, PeriodKind Kind, DateOnly Start, DateOnly End, bool Editable, IReadOnlyList<TargetSheetView> Sheets);

/// <summary>The body of PUT /api/targets: one metric's breakdown for one month.</summary>
public sealed record TargetSheetInput
{
    public TargetMetric? Metric { get; init; }

    /// <summary>The version read (null when the month has no breakdown of this metric yet).</summary>
    public Guid? Version { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Target { get; init; }

    public decimal? Challenge { get; init; }

    public IReadOnlyList<TargetLineInput>? People { get; init; }

    /// <summary>For a quarter or a year: how its targets are spread over its months.</summary>
    public TargetSpread? Spread { get; init; }
}

/// <summary>How a quarter's or a year's targets are spread over its months.</summary>
public enum TargetSpread
{
    /// <summary>平均分到各月.</summary>
    Even = 1,

    /// <summary>按去年同期比例: in the proportion of the department's actuals in the same months a year earlier.</summary>
    LastYear = 2,
}

public sealed record TargetLineInput
{
    public Guid? PersonId { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Target { get; init; }

    public decimal? Challenge { get; init; }
}

/// <summary>How far one person (or the department) is in one metric: actual against the three levels.</summary>
public sealed record ProgressFigure(
    decimal Actual,
    TargetLevels Levels,
    decimal? Percent,
    decimal Projection,
    int? Rank);

public sealed record ProgressPersonLine(Person Person, ProgressFigure Figure);

public sealed record ProgressMetric(TargetMetric Metric, bool Money, ProgressFigure Department, IReadOnlyList<ProgressPersonLine> People,
    IReadOnlyList<ProgressDay> Days, IReadOnlyList<ProgressMonth> Months);

/// <summary>One month of a quarter's or a year's trend: the department's actual and target in it.</summary>
public sealed record ProgressMonth(DateOnly Month, decimal Actual, decimal Target);

/// <summary>The department's actual summed from the period's first day to <see cref="Day"/> (the cumulative chart).</summary>
public sealed record ProgressDay(DateOnly Day, decimal Actual);

/// <summary>
/// The progress of a period (关注指标的达成): each metric's actual against its levels for the department and each
/// person, the share of the period gone by (时间进度), a projection to its end, the ranking, and the department's
/// cumulative actual per day of the period for its chart.
/// </summary>
public sealed record TargetProgress(
    string Period,
    PeriodKind Kind,
    DateOnly Start,
    DateOnly End,
    DateOnly AsOf,
    decimal TimePercent,
    bool ShowsRanking,
    IReadOnlyList<ProgressMetric> Metrics);
