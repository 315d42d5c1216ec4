using Kam.Infrastructure.Data;

namespace Kam.Web.Setup;

public static class Health
{
    /// <summary>200 when the database answers, 503 when it does not: what a load balancer needs.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/health", async (KamDbContext db, CancellationToken ct) =>
        {
            bool up;
            try
            {
                up = await db.Database.CanConnectAsync(ct);
            }
            catch (Exception)
            {
                up = false;
            }
            return up
                ? Results.Ok(new { status = "Healthy", database = db.Database.ProviderName })
                : Results.Json(new { status = "Unhealthy", database = db.Database.ProviderName }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Operations");
}
