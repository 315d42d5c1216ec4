using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Setup;

/// <summary>
/// What a load balancer and an orchestrator ask: <c>/health/live</c> (the process answers: restart it if not) and
/// <c>/health/ready</c> (send it users: the database answers and its schema is this release's). <c>/health</c> is
/// readiness under its old name.
/// </summary>
public static class Health
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var schema = new SchemaState();
        app.MapGet("/health/live", () => Results.Ok(new { status = "Healthy" })).AllowAnonymous().WithTags("Operations");
        app.MapGet("/health/ready", (KamDbContext db, CancellationToken ct) => ReadyAsync(db, schema, ct)).AllowAnonymous().WithTags("Operations");
        app.MapGet("/health", (KamDbContext db, CancellationToken ct) => ReadyAsync(db, schema, ct)).AllowAnonymous().WithTags("Operations");
    }

    /// <summary>Applied migrations are never unapplied while a server runs: once its schema is current, it stays so.</summary>
    private sealed class SchemaState
    {
        public volatile bool Current;
    }

    private static async Task<IResult> ReadyAsync(KamDbContext db, SchemaState schema, CancellationToken ct)
    {
        var provider = db.Database.ProviderName;
        string? reason = null;
        try
        {
            if (!await db.Database.CanConnectAsync(ct))
                reason = "database_unreachable";
            else if (!schema.Current)
            {
                var pending = (await db.Database.GetPendingMigrationsAsync(ct)).Count();
                if (pending > 0)
                    reason = "migrations_pending";
                else
                    schema.Current = true;
            }
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            reason = "database_unreachable";
        }
        return reason is null
            ? Results.Ok(new { status = "Healthy", database = provider })
            : Results.Json(new { status = "Unhealthy", database = provider, reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
