using Kam.Core.Common;

namespace Kam.Core.DailyReports;

public enum DailyReportStatus
{
    Draft,
    Submitted,
    Reviewed,
}

/// <summary>
/// An account manager's report of one working day (日报): the day's visits come from the visit records; the rest is
/// written. Editable by its author until the head has reviewed it.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(DailyReportScope))]
public class DailyReport : Entity
{
    public Guid UserId { get; set; }

    public DateOnly Date { get; set; }

    public DailyReportStatus Status { get; set; }

    public string? OtherWork { get; set; }

    public string? Problems { get; set; }

    public string? TomorrowPlan { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public Guid? ReviewedById { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewComment { get; set; }
}

/// <summary>The department's summary of one day, compiled by the assistant from the reports (部门日汇总).</summary>
[Scoped(Scope.Person, Rule = typeof(DaySummaryScope))]
public class DaySummary : Entity
{
    public DateOnly Date { get; set; }

    public string Text { get; set; } = "";
}
