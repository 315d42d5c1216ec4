namespace Kam.Web.Api;

public static class KamApi
{
    /// <summary>Every /api endpoint group. All require a signed-in user unless marked anonymous.</summary>
    public static void MapKamApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapAuth();
        api.MapMe();
        api.MapUsers();
        api.MapAudit();
        api.MapAccounts();
        api.MapAccountFiles(app);
        api.MapChannelAgents(app);
        api.MapHandovers();
    }
}
