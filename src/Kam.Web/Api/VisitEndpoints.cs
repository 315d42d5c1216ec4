using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Visits;

namespace Kam.Web.Api;

public static class VisitEndpoints
{
    public static void MapVisits(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/visit-plans").WithTags("Visits").RequireAuthorization(Policies.ReadAccounts);
        plans.MapGet("", async ([AsParameters] VisitQuery query, ListVisits list, CancellationToken ct) =>
            TypedResults.Ok(await list.List(query with { Status = VisitStatus.Planned }, ct)));
        plans.MapPost("", async (VisitPlanInput input, PlanVisit plan, ListVisits list, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await plan.Create(input, ct);
            return created.IsSuccess ? TypedResults.Created($"/api/visits/{created.Value}", (await list.Get(created.Value, ct)).Value) : Problems.From(created.Error!, ctx);
        }).Produces<VisitView>(StatusCodes.Status201Created).ProducesValidationProblem();
        plans.MapPut("/{id:guid}", async (Guid id, VisitPlanInput input, PlanVisit plan, ListVisits list, HttpContext ctx, CancellationToken ct) =>
            await Then(await plan.Update(id, input, ct), id, list, ctx, ct)).Produces<VisitView>().ProducesValidationProblem();
        plans.MapPost("/{id:guid}/complete", async (Guid id, VisitRecordInput input, RecordVisit record, ListVisits list, HttpContext ctx, CancellationToken ct) =>
            await Then(await record.Complete(id, input, ct), id, list, ctx, ct)).Produces<VisitView>().ProducesValidationProblem();
        plans.MapPost("/{id:guid}/cancel", async (Guid id, VisitCancelInput input, PlanVisit plan, ListVisits list, HttpContext ctx, CancellationToken ct) =>
            await Then(await plan.Cancel(id, input, ct), id, list, ctx, ct)).Produces<VisitView>().ProducesValidationProblem();

        var visits = api.MapGroup("/visits").WithTags("Visits").RequireAuthorization(Policies.ReadAccounts);
        visits.MapGet("", async ([AsParameters] VisitQuery query, ListVisits list, CancellationToken ct) =>
            TypedResults.Ok(await list.List(query.Status is null ? query with { Status = VisitStatus.Done } : query, ct)));
        visits.MapGet("/{id:guid}", async (Guid id, ListVisits list, HttpContext ctx, CancellationToken ct) => (await list.Get(id, ct)).Ok(ctx))
            .Produces<VisitView>();
        visits.MapPost("", async (VisitRecordInput input, RecordVisit record, ListVisits list, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await record.Log(input, ct);
            return created.IsSuccess ? TypedResults.Created($"/api/visits/{created.Value}", (await list.Get(created.Value, ct)).Value) : Problems.From(created.Error!, ctx);
        }).Produces<VisitView>(StatusCodes.Status201Created).ProducesValidationProblem();
        visits.MapPut("/{id:guid}", async (Guid id, VisitRecordInput input, RecordVisit record, ListVisits list, HttpContext ctx, CancellationToken ct) =>
            await Then(await record.Update(id, input, ct), id, list, ctx, ct)).Produces<VisitView>().ProducesValidationProblem();
        visits.MapGet("/overdue", async ([AsParameters] OverdueQuery query, OverdueVisits overdue, CancellationToken ct) =>
            TypedResults.Ok(await overdue.List(query, ct)));
        visits.MapGet("/calendar", async (DateOnly? from, DateOnly? to, Guid? userId, ListVisits list, TimeProvider clock, HttpContext ctx, CancellationToken ct) =>
        {
            var start = from ?? clock.Today();
            var end = to ?? start.AddDays(6);
            if (end < start || end.DayNumber - start.DayNumber > 62)
                return Problems.From(Error.Validation("to", "visit.calendar_range"), ctx);
            return TypedResults.Ok(await list.Calendar(start, end, userId, ct));
        }).Produces<IReadOnlyList<VisitRow>>().ProducesValidationProblem();

        var accounts = api.MapGroup("/accounts").WithTags("Visits").RequireAuthorization(Policies.ReadAccounts);
        accounts.MapGet("/{id:guid}/visits", async (Guid id, int? page, int? pageSize, ListVisits list, HttpContext ctx, CancellationToken ct) =>
            (await list.ForAccount(id, page, pageSize, ct)).Ok(ctx)).Produces<PagedResult<VisitRow>>();
        accounts.MapGet("/{id:guid}/visit-status", async (Guid id, OverdueVisits overdue, HttpContext ctx, CancellationToken ct) =>
            (await overdue.ForAccount(id, ct)).Ok(ctx)).Produces<AccountVisitStatus>();

        var policy = api.MapGroup("/visit-policy").WithTags("Visits");
        policy.MapGet("", async (ManageVisitPolicy manage, CancellationToken ct) => TypedResults.Ok(await manage.Get(ct)))
            .RequireAuthorization(Policies.ReadAccounts);
        policy.MapPut("", async (VisitPolicy input, ManageVisitPolicy manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Set(input, ct)).Ok(ctx)).RequireAuthorization(Policies.ManageAccounts).Produces<VisitPolicy>().ProducesValidationProblem();
    }

    private static async Task<IResult> Then(Result done, Guid id, ListVisits list, HttpContext ctx, CancellationToken ct) =>
        done.IsSuccess ? (await list.Get(id, ct)).Ok(ctx) : Problems.From(done.Error!, ctx);
}
