using Kam.Core.Appraisals;
using Kam.Core.Identity;

namespace Kam.Web.Api;

/// <summary>The appraisal: schemes, the monthly sheets (rating, self-assessment, confirmation, appeal), the month's
/// submission, and the reward and fault reports.</summary>
public static class AppraisalEndpoints
{
    public static void MapAppraisals(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var schemes = api.MapGroup("/appraisal-schemes").WithTags("Appraisal").RequireAuthorization(Policies.ReadAccounts);
        schemes.MapGet("", async (Schemes get, CancellationToken ct) => TypedResults.Ok(await get.List(ct)));
        schemes.MapGet("/{id:guid}", async (Guid id, Schemes get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<SchemeView>().ProducesProblem(StatusCodes.Status404NotFound);
        schemes.MapPost("", async (SchemeInput input, Schemes save, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/appraisal-schemes/{created.Value}", (await save.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<SchemeView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        schemes.MapPut("/{id:guid}", async (Guid id, SchemeInput input, Schemes save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), () => save.Get(id, ct), ctx))
            .Produces<SchemeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        schemes.MapPost("/{id:guid}/submit", async (Guid id, SchemeActionInput input, Schemes save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Submit(id, input, ct), () => save.Get(id, ct), ctx))
            .Produces<SchemeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        schemes.MapPost("/{id:guid}/revise", async (Guid id, Schemes save, HttpContext ctx, CancellationToken ct) =>
        {
            var revised = await save.Revise(id, ct);
            return revised.IsSuccess
                ? TypedResults.Created($"/api/appraisal-schemes/{revised.Value}", (await save.Get(revised.Value, ct)).Value)
                : Problems.From(revised.Error!, ctx);
        }).Produces<SchemeView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        var sheets = api.MapGroup("/appraisals").WithTags("Appraisal").RequireAuthorization(Policies.ReadAccounts);
        sheets.MapGet("", async (string? period, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
            (await get.Month(period, ct)).Ok(ctx)).Produces<AppraisalMonthView>().ProducesValidationProblem();
        sheets.MapGet("/export", Export).Produces(StatusCodes.Status200OK, contentType: Spreadsheets.ContentType).ProducesProblem(StatusCodes.Status403Forbidden);
        app.MapGet("/appraisals/export", Export).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        sheets.MapGet("/mine", async (GetAppraisals get, CancellationToken ct) => TypedResults.Ok(await get.Mine(ct)));
        sheets.MapGet("/{id:guid}", async (Guid id, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<AppraisalView>().ProducesProblem(StatusCodes.Status404NotFound);
        sheets.MapPut("/{id:guid}", async (Guid id, AppraisalInput input, AppraisalFlow flow, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
            await Then(await flow.Save(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<AppraisalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        sheets.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmInput input, AppraisalFlow flow, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
            await Then(await flow.Confirm(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<AppraisalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        sheets.MapPost("/{id:guid}/appeal", async (Guid id, AppealInput input, AppraisalFlow flow, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
            await Then(await flow.Appeal(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<AppraisalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        sheets.MapPost("/{id:guid}/answer", async (Guid id, AnswerInput input, AppraisalFlow flow, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
            await Then(await flow.Answer(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<AppraisalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        sheets.MapPost("/periods/{period}/open", async (string period, OpenAppraisals open, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
        {
            var opened = await open.Handle(period, ct);
            return opened.IsSuccess ? (await get.Month(period, ct)).Ok(ctx) : Problems.From(opened.Error!, ctx);
        }).Produces<AppraisalMonthView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        sheets.MapPost("/periods/{period}/submit", async (string period, MonthSubmitInput input, AppraisalFlow flow, GetAppraisals get, HttpContext ctx, CancellationToken ct) =>
            await Then(await flow.SubmitMonth(period, input, ct), () => get.Month(period, ct), ctx))
            .Produces<AppraisalMonthView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var reports = api.MapGroup("/rewards-faults").WithTags("Appraisal").RequireAuthorization(Policies.ReadAccounts);
        reports.MapGet("", async (string? period, RewardsFaults get, HttpContext ctx, CancellationToken ct) =>
            (await get.List(period, ct)).Ok(ctx)).Produces<IReadOnlyList<RewardFaultRow>>().ProducesValidationProblem();
        reports.MapPost("", async (RewardFaultInput input, RewardsFaults save, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess ? TypedResults.Created($"/api/rewards-faults/{created.Value}", new { id = created.Value }) : Problems.From(created.Error!, ctx);
        }).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> Export(string? period, ExportAppraisals export, HttpContext ctx, CancellationToken ct) =>
        Spreadsheets.Export("nav.appraisals", path => export.WriteAsync(period, path, ct), ctx);

    private static async Task<IResult> Then<T>(Kam.Core.Common.Result done, Func<Task<Kam.Core.Common.Result<T>>> read, HttpContext ctx) =>
        done.IsSuccess ? (await read()).Ok(ctx) : Problems.From(done.Error!, ctx);
}
