using Kam.Core.Handovers;
using Kam.Core.Identity;

namespace Kam.Web.Api;

public static class HandoverEndpoints
{
    public static void MapHandovers(this RouteGroupBuilder api)
    {
        var handovers = api.MapGroup("/handovers").WithTags("Handover").RequireAuthorization(Policies.ManageAccounts);
        handovers.MapGet("/preview", async (Guid fromUserId, Guid toUserId, HandOverAccounts handover, HttpContext ctx, CancellationToken ct) =>
            (await handover.Preview(fromUserId, toUserId, ct)).Ok(ctx)).Produces<HandoverPreview>();
        handovers.MapPost("", async (HandoverInput input, HandOverAccounts handover, HttpContext ctx, CancellationToken ct) =>
        {
            var done = await handover.Execute(input, ct);
            return done.IsSuccess
                ? TypedResults.Created($"/api/handovers/{done.Value}", (await handover.Get(done.Value, ct)).Value)
                : Problems.From(done.Error!, ctx);
        }).Produces<HandoverRecord>(StatusCodes.Status201Created).ProducesValidationProblem();
        handovers.MapGet("/{id:guid}", async (Guid id, HandOverAccounts handover, HttpContext ctx, CancellationToken ct) =>
            (await handover.Get(id, ct)).Ok(ctx)).Produces<HandoverRecord>();
    }
}
