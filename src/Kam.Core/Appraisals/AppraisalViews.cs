using Kam.Core.Targets;

namespace Kam.Core.Appraisals;

public sealed record AppraisalRow(Guid Id, Guid PersonId, string PersonName, string Period, AppraisalStatus Status, decimal? Total, string? Grade, decimal? Coefficient,
    bool SelfAssessed, int Unrated, DateOnly? AppealBy);

public sealed record GradeCount(string Grade, int Count, decimal Percent, decimal Coefficient);

/// <summary>The department's month (the calibration view): every sheet with its grade, the distribution against the
/// scheme's forced share of the top grade, and what the reader may do with the month.</summary>
public sealed record AppraisalMonthView(string Period, Guid? RoundId, RoundStatus? Status, Guid? ApprovalId, IReadOnlyList<AppraisalRow> Rows, IReadOnlyList<GradeCount> Distribution,
    int? TopGradeMaxPercent, bool TopGradeOver, bool MonthOver, bool CanOpen, bool CanSubmit);

/// <summary>One line of a sheet as shown: the item, whether its figures are money, and where its figures come from.</summary>
public sealed record SheetLine(SheetItem Item, bool Money, string? Link, decimal? Weighted);

public sealed record RewardFaultRow(Guid Id, Guid PersonId, string PersonName, RewardFaultKind Kind, string Period, DateOnly OccurredOn, string Title, string Description,
    decimal Points, decimal? Amount, SchemeStatus Status, Guid? ApprovalId, DateTimeOffset CreatedAt);

/// <summary>
/// A sheet as its reader may see it: the person sees every figure at once, and the head's scores, comment, total and grade
/// once the month is published.
/// </summary>
public sealed record AppraisalView(Guid Id, Guid PersonId, string PersonName, string Period, AppraisalStatus Status, Guid SchemeId, string SchemeName,
    IReadOnlyList<SheetLine> Lines, decimal Bonus, decimal Deduction, decimal BonusCap, decimal DeductionCap, decimal? Total, string? Grade, decimal? Coefficient,
    IReadOnlyList<GradeDefinition> Grades, string? SelfAssessment, string? Suggestions, string? HeadComment, DateTimeOffset ComputedAt, DateTimeOffset? RatedAt,
    DateTimeOffset? PublishedAt, DateOnly? AppealBy, DateTimeOffset? ConfirmedAt, string? AppealItem, string? AppealReason, DateTimeOffset? AppealedAt,
    string? AppealAnswer, DateTimeOffset? AnsweredAt, IReadOnlyList<RewardFaultRow> RewardsFaults, bool ResultShown, bool CanSelfAssess, bool CanRate,
    bool CanConfirm, bool CanAppeal, bool CanAnswer, Guid Version)
{
    public static string? LinkOf(SheetItem item, Period period) => item.Source switch
    {
        IndicatorSource.Target => $"/targets?period={period}",
        IndicatorSource.ATierCoverage => $"/targets?period={period}",
        IndicatorSource.DailyReports => "/daily-reports",
        IndicatorSource.CasesOnTime or IndicatorSource.CasesSatisfied => $"/service/stats?from={period.Start:yyyy-MM-dd}&to={period.End:yyyy-MM-dd}",
        IndicatorSource.Satisfaction => $"/service/satisfaction?from={period.Start:yyyy-MM-dd}&to={period.End:yyyy-MM-dd}",
        IndicatorSource.ExpensesWithinStandard => "/expense-claims",
        _ => null,
    };
}

public sealed record RatingInput(string? Code, decimal? Score, string? Comment);

/// <summary>The person's part (self-assessment, suggestions) or the head's (ratings, comment): each side sends its own.</summary>
public sealed record AppraisalInput(Guid? Version, string? SelfAssessment, string? Suggestions, IReadOnlyList<RatingInput>? Ratings, string? HeadComment);

public sealed record AppealInput(Guid? Version, string? Item, string? Reason);

public sealed record AnswerInput(Guid? Version, string? Answer, IReadOnlyList<RatingInput>? Ratings);

public sealed record ConfirmInput(Guid? Version);

public sealed record MonthSubmitInput(string? Note);

public sealed record RewardFaultInput(Guid? PersonId, RewardFaultKind? Kind, DateOnly? OccurredOn, string? Period, string? Title, string? Description, decimal? Points, decimal? Amount);
