using FluentValidation;

namespace Kam.Core.DailyReports;

/// <summary>
/// What the author writes. <see cref="Date"/> (creating only) defaults to today; <see cref="Submit"/> true submits,
/// false keeps a draft (a submitted report stays submitted); <see cref="Version"/> is required when editing.
/// </summary>
public sealed record DailyReportInput(DateOnly? Date = null, string? OtherWork = null, string? Problems = null, string? TomorrowPlan = null,
    bool? Submit = null, Guid? Version = null)
{
    public const int OtherWorkMax = 4000;
    public const int ProblemsMax = 2000;
    public const int TomorrowPlanMax = 2000;

    public bool HasText => !string.IsNullOrWhiteSpace(OtherWork) || !string.IsNullOrWhiteSpace(Problems) || !string.IsNullOrWhiteSpace(TomorrowPlan);
}

public sealed class DailyReportInputValidator : AbstractValidator<DailyReportInput>
{
    public DailyReportInputValidator()
    {
        RuleFor(x => x.OtherWork).MaximumLength(DailyReportInput.OtherWorkMax).WithErrorCode("field.too_long");
        RuleFor(x => x.Problems).MaximumLength(DailyReportInput.ProblemsMax).WithErrorCode("field.too_long");
        RuleFor(x => x.TomorrowPlan).MaximumLength(DailyReportInput.TomorrowPlanMax).WithErrorCode("field.too_long");
    }
}

/// <summary>Clean-up shared by creating and editing.</summary>
internal static class DailyReportText
{
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static void Apply(DailyReport report, DailyReportInput input, DateTimeOffset now)
    {
        report.OtherWork = Clean(input.OtherWork);
        report.Problems = Clean(input.Problems);
        report.TomorrowPlan = Clean(input.TomorrowPlan);
        if (input.Submit == true && report.Status == DailyReportStatus.Draft)
        {
            report.Status = DailyReportStatus.Submitted;
            report.SubmittedAt = now;
        }
    }
}
