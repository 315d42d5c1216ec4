using Kam.Core.Identity;
using Kam.Core.Plans;

namespace Kam.Web.Api;

public static class ActionPlanEndpoints
{
    public static void MapActionPlans(this RouteGroupBuilder api)
    {
        var actions = api.MapGroup("/action-plans").WithTags("Plans").RequireAuthorization(Policies.ReadAccounts);
        actions.MapGet("", async (string? month, Guid? userId, ActionPlans plans, HttpContext ctx, CancellationToken ct) =>
            (await plans.List(month, userId, ct)).Ok(ctx)).Produces<IReadOnlyList<ActionPlanView>>().ProducesValidationProblem();
        actions.MapGet("/{id:guid}", async (Guid id, ActionPlans plans, HttpContext ctx, CancellationToken ct) =>
            (await plans.Get(id, ct)).Ok(ctx)).Produces<ActionPlanView>().ProducesProblem(StatusCodes.Status404NotFound);
        actions.MapPost("", async (ActionPlanInput input, ActionPlans plans, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await plans.Save(input, ct);
            return saved.IsSuccess ? (await plans.Get(saved.Value, ct)).Ok(ctx) : Problems.From(saved.Error!, ctx);
        }).Produces<ActionPlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        actions.MapPost("/{id:guid}/comment", async (Guid id, ActionCommentInput input, ActionPlans plans, HttpContext ctx, CancellationToken ct) =>
        {
            var done = await plans.Comment(id, input, ct);
            return done.IsSuccess ? (await plans.Get(id, ct)).Ok(ctx) : Problems.From(done.Error!, ctx);
        }).Produces<ActionPlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
    }
}
