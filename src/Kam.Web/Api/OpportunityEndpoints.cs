using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Opportunities;

namespace Kam.Web.Api;

public static class OpportunityEndpoints
{
    public static void MapOpportunities(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var opportunities = api.MapGroup("/opportunities").WithTags("Opportunities").RequireAuthorization(Policies.ReadAccounts);
        opportunities.MapGet("", async ([AsParameters] OpportunityQuery query, ListOpportunities list, CancellationToken ct) =>
            TypedResults.Ok(await list.List(query, ct)));
        opportunities.MapGet("/{id:guid}", async (Guid id, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
            (await list.Get(id, ct)).Ok(ctx)).Produces<OpportunityView>();
        opportunities.MapPost("", async (OpportunityInput input, SaveOpportunity save, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/opportunities/{created.Value}", (await list.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<OpportunityView>(StatusCodes.Status201Created).ProducesValidationProblem();
        opportunities.MapPut("/{id:guid}", async (Guid id, OpportunityInput input, SaveOpportunity save, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), id, list, ctx, ct)).Produces<OpportunityView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        opportunities.MapPost("/{id:guid}/move", async (Guid id, OpportunityMoveInput input, MoveOpportunity move, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
            await Then(await move.Handle(id, input, ct), id, list, ctx, ct)).Produces<OpportunityView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        opportunities.MapPost("/{id:guid}/archive", async (Guid id, OpportunityVersionInput input, ArchiveOpportunity archive, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
            await Then(await archive.Archive(id, input, ct), id, list, ctx, ct)).Produces<OpportunityView>();
        opportunities.MapPost("/{id:guid}/restore", async (Guid id, OpportunityVersionInput input, ArchiveOpportunity archive, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
            await Then(await archive.Restore(id, input, ct), id, list, ctx, ct)).Produces<OpportunityView>();
        opportunities.MapGet("/pipeline", async (Guid? ownerId, GetPipeline pipeline, CancellationToken ct) =>
            TypedResults.Ok(await pipeline.Handle(ownerId, ct)));
        opportunities.MapGet("/export", Export);
        // The UI's export link: the same export, authenticated by the sign-in cookie.
        app.MapGet("/opportunities/export", Export).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();

        api.MapGet("/accounts/{id:guid}/opportunities", async (Guid id, int? page, int? pageSize, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
            (await list.ForAccount(id, page, pageSize, ct)).Ok(ctx)).WithTags("Opportunities").RequireAuthorization(Policies.ReadAccounts)
            .Produces<PagedResult<OpportunityView>>();

        api.MapGet("/forecast", async (string? from, string? to, Guid? ownerId, OpportunityForecast forecast, HttpContext ctx, CancellationToken ct) =>
            (await forecast.Handle(from, to, ownerId, ct)).Ok(ctx)).WithTags("Opportunities").RequireAuthorization(Policies.ReadAccounts)
            .Produces<ForecastReport>().ProducesValidationProblem();

        var stages = api.MapGroup("/opportunity-stages").WithTags("Opportunities");
        stages.MapGet("", async (ManageOpportunityStages manage, CancellationToken ct) => TypedResults.Ok(await manage.Get(ct)))
            .RequireAuthorization(Policies.ReadAccounts);
        stages.MapPut("", async (List<OpportunityStage> input, ManageOpportunityStages manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Set(input, ct)).Ok(ctx)).RequireAuthorization(Policies.ManageAccounts)
            .Produces<IReadOnlyList<OpportunityStage>>().ProducesValidationProblem();
    }

    private static async Task<IResult> Then(Result done, Guid id, ListOpportunities list, HttpContext ctx, CancellationToken ct) =>
        done.IsSuccess ? (await list.Get(id, ct)).Ok(ctx) : Problems.From(done.Error!, ctx);

    private static Task<IResult> Export([AsParameters] OpportunityQuery query, ExportOpportunities export, CancellationToken ct) =>
        Spreadsheets.Export("nav.opportunities", path => export.WriteAsync(query, path, ct));
}
