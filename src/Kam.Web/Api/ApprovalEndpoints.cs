namespace Kam.Web.Api;

public static class ApprovalEndpoints
{
    public static void MapApprovals(this RouteGroupBuilder api)
    {
    }
}
