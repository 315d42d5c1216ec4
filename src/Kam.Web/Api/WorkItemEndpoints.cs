namespace Kam.Web.Api;

public static class WorkItemEndpoints
{
    public static void MapWorkItems(this RouteGroupBuilder api)
    {
    }
}
