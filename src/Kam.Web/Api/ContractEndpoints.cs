namespace Kam.Web.Api;

public static class ContractEndpoints
{
    public static void MapContracts(this RouteGroupBuilder api)
    {
    }
}
