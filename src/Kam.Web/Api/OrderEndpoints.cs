namespace Kam.Web.Api;

public static class OrderEndpoints
{
    public static void MapOrders(this RouteGroupBuilder api)
    {
    }
}
