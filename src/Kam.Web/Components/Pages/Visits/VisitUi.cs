using Kam.Core.Common;
using Kam.Core.Visits;

namespace Kam.Web.Components.Pages.Visits;

/// <summary>Small helpers shared by the visit pages: who may write, business-time conversions, status colours.</summary>
public static class VisitUi
{
    /// <summary>The business (Asia/Shanghai) wall-clock time of an instant, for date/time inputs.</summary>
    public static DateTime Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, BusinessClock.Zone).DateTime;

    /// <summary>A wall-clock time typed in business time, as a UTC instant.</summary>
    public static DateTimeOffset FromLocal(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wall, BusinessClock.Zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    public static string Time(DateTimeOffset at) => Local(at).ToString("HH:mm");

    public static string Day(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "";

    public static string Color(VisitStatus status, bool overdue) => overdue ? "red" : status switch
    {
        VisitStatus.Done => "green",
        VisitStatus.Planned => "blue",
        _ => "default",
    };

    public static string CssClass(VisitStatus status, bool overdue) => overdue ? "overdue" : status.ToString().ToLowerInvariant();
}
