namespace Kam.Core.DailyReports;

/// <summary>A done visit of the report's day, read from the visit records (never copied into the report).</summary>
public sealed record ReportVisit(Guid Id, Guid AccountId, string AccountName, DateTimeOffset At, TimeOnly Time, int? DurationMinutes,
    string? Summary, string? Outcome, string? NextStep);

public sealed record DailyReportPermissions(bool Edit, bool Review);

public sealed record DailyReportDetail(Guid Id, Guid UserId, string UserName, DateOnly Date, DailyReportStatus Status,
    string? OtherWork, string? Problems, string? TomorrowPlan, DateTimeOffset? SubmittedAt, Guid? ReviewedById, string? ReviewedByName,
    DateTimeOffset? ReviewedAt, string? ReviewComment, Guid Version, IReadOnlyList<ReportVisit> Visits, DailyReportPermissions Can);

public sealed record DailyReportRow(Guid Id, Guid UserId, string UserName, DateOnly Date, DailyReportStatus Status, int VisitCount,
    DateTimeOffset? SubmittedAt, DateTimeOffset? ReviewedAt, string? ReviewComment);

/// <summary>An account manager's day: their report if written, and the visits it shows.</summary>
public sealed record MyReportDay(DateOnly Date, DailyReportDetail? Report, IReadOnlyList<ReportVisit> Visits);
