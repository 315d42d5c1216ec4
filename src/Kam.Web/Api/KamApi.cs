namespace Kam.Web.Api;

public static class KamApi
{
    /// <summary>Every /api endpoint group. All require a signed-in user unless marked anonymous.</summary>
    public static void MapKamApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        // An unknown /api path is 404 for every method (without this, the UI's catch-all answers 405 to a POST).
        app.MapFallback("/api/{**path}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        api.MapAuth();
        api.MapMe();
        api.MapUsers();
        api.MapAudit();
        api.MapAccounts();
        api.MapAccountFiles(app);
        api.MapChannelAgents(app);
        api.MapHandovers();
        api.MapVisits();
        api.MapDailyReports();
        api.MapWorkItems();
        api.MapNotifications();
        api.MapWorkbench();
        api.MapApprovals();
        api.MapOpportunities(app);
        api.MapContracts(app);
        api.MapOrders(app);
        api.MapPayments(app);
    }
}
