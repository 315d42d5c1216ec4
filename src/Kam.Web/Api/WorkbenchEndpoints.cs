using Kam.Core.Identity;
using Kam.Core.Workbench;

namespace Kam.Web.Api;

public static class WorkbenchEndpoints
{
    public static void MapWorkbench(this RouteGroupBuilder api)
    {
        api.MapGet("/workbench", async (GetWorkbench workbench, CancellationToken ct) => TypedResults.Ok(await workbench.Handle(ct)))
            .WithTags("Workbench").RequireAuthorization(Policies.ReadAccounts);
    }
}
