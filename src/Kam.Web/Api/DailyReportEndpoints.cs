namespace Kam.Web.Api;

public static class DailyReportEndpoints
{
    public static void MapDailyReports(this RouteGroupBuilder api)
    {
    }
}
