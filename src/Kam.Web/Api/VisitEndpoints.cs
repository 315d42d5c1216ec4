namespace Kam.Web.Api;

public static class VisitEndpoints
{
    public static void MapVisits(this RouteGroupBuilder api)
    {
    }
}
