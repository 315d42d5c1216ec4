using Kam.Core.Audit;
using Kam.Core.Identity;

namespace Kam.Web.Api;

public static class AuditEndpoints
{
    public static void MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Policies.ReadAudit);
        audit.MapGet("", async ([AsParameters] AuditQuery query, ListAuditEntries list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        audit.MapGet("/entity-types", async (ListAuditEntries list, CancellationToken ct) =>
            TypedResults.Ok(await list.EntityTypes(ct)));
    }
}
