using Kam.Core.Identity;
using Kam.Core.Plans;

namespace Kam.Web.Api;

public static class PlanEndpoints
{
    public static void MapPlans(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans").RequireAuthorization(Policies.ReadAccounts);
        plans.MapGet("", async (string? period, GetPlans get, HttpContext ctx, CancellationToken ct) =>
            (await get.List(period, ct)).Ok(ctx)).Produces<IReadOnlyList<PlanRow>>().ProducesValidationProblem();
        plans.MapGet("/{id:guid}", async (Guid id, GetPlans get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<PlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:guid}/compare", async (Guid id, Guid? with, GetPlans get, HttpContext ctx, CancellationToken ct) =>
            (await get.Compare(id, with, ct)).Ok(ctx)).Produces<PlanComparison>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:guid}/revisions", async (Guid id, GetPlans get, HttpContext ctx, CancellationToken ct) =>
            (await get.Revisions(id, ct)).Ok(ctx)).Produces<IReadOnlyList<PlanView>>().ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("", async (PlanInput input, SavePlan save, GetPlans get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/plans/{created.Value}", (await get.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<PlanView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        plans.MapPut("/{id:guid}", async (Guid id, PlanInput input, SavePlan save, GetPlans get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), id, get, ctx, ct))
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/submit", async (Guid id, PlanActionInput input, SubmitPlan submit, GetPlans get, HttpContext ctx, CancellationToken ct) =>
            await Then(await submit.Submit(id, input, ct), id, get, ctx, ct))
            .Produces<PlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPost("/{id:guid}/revise", async (Guid id, PlanActionInput input, SubmitPlan submit, GetPlans get, HttpContext ctx, CancellationToken ct) =>
        {
            var revised = await submit.Revise(id, input, ct);
            return revised.IsSuccess
                ? TypedResults.Created($"/api/plans/{revised.Value}", (await get.Get(revised.Value, ct)).Value)
                : Problems.From(revised.Error!, ctx);
        }).Produces<PlanView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> Then(Kam.Core.Common.Result done, Guid id, GetPlans get, HttpContext ctx, CancellationToken ct) =>
        done.IsSuccess ? (await get.Get(id, ct)).Ok(ctx) : Problems.From(done.Error!, ctx);
}
