namespace Kam.Web.Api;

public static class OpportunityEndpoints
{
    public static void MapOpportunities(this RouteGroupBuilder api)
    {
    }
}
