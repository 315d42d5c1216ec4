using Kam.Core.Appraisals;
using Kam.Core.Commission;
using Kam.Core.Identity;

namespace Kam.Web.Api;

/// <summary>Commission: schemes, the monthly runs with their statements and questions, the payout sheet and the calculator.</summary>
public static class CommissionEndpoints
{
    public static void MapCommission(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var schemes = api.MapGroup("/commission-schemes").WithTags("Commission").RequireAuthorization(Policies.ReadAccounts);
        schemes.MapGet("", async (CommissionSchemes get, CancellationToken ct) => TypedResults.Ok(await get.List(ct)));
        schemes.MapGet("/{id:guid}", async (Guid id, CommissionSchemes get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<CommissionSchemeView>().ProducesProblem(StatusCodes.Status404NotFound);
        schemes.MapPost("", async (CommissionSchemeInput input, CommissionSchemes save, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/commission-schemes/{created.Value}", (await save.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<CommissionSchemeView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        schemes.MapPut("/{id:guid}", async (Guid id, CommissionSchemeInput input, CommissionSchemes save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), () => save.Get(id, ct), ctx))
            .Produces<CommissionSchemeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        schemes.MapPost("/{id:guid}/submit", async (Guid id, SchemeActionInput input, CommissionSchemes save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Submit(id, input, ct), () => save.Get(id, ct), ctx))
            .Produces<CommissionSchemeView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        schemes.MapPost("/{id:guid}/revise", async (Guid id, CommissionSchemes save, HttpContext ctx, CancellationToken ct) =>
        {
            var revised = await save.Revise(id, ct);
            return revised.IsSuccess
                ? TypedResults.Created($"/api/commission-schemes/{revised.Value}", (await save.Get(revised.Value, ct)).Value)
                : Problems.From(revised.Error!, ctx);
        }).Produces<CommissionSchemeView>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);

        var runs = api.MapGroup("/commission-runs").WithTags("Commission").RequireAuthorization(Policies.ReadAccounts);
        runs.MapGet("", async (string? period, CommissionRuns get, CancellationToken ct) => TypedResults.Ok(await get.List(period, ct)));
        runs.MapPost("", async (RunInput input, CommissionRuns save, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/commission-runs/{created.Value}", (await save.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<RunView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapGet("/{id:guid}", async (Guid id, CommissionRuns get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<RunView>().ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost("/{id:guid}/submit", async (Guid id, RunActionInput input, CommissionRuns save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Submit(id, input, ct), () => save.Get(id, ct), ctx))
            .Produces<RunView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        runs.MapGet("/{id:guid}/statements/{userId:guid}", async (Guid id, Guid userId, CommissionRuns get, HttpContext ctx, CancellationToken ct) =>
            (await get.Statement(id, userId, ct)).Ok(ctx)).Produces<StatementView>().ProducesProblem(StatusCodes.Status404NotFound);
        runs.MapPost("/{id:guid}/statements/{userId:guid}/questions", async (Guid id, Guid userId, QuestionInput input, CommissionRuns save, HttpContext ctx, CancellationToken ct) =>
        {
            var asked = await save.Ask(id, userId, input, ct);
            return asked.IsSuccess ? (await save.Statement(id, userId, ct)).Ok(ctx) : Problems.From(asked.Error!, ctx);
        }).Produces<StatementView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        runs.MapGet("/{id:guid}/export", Export).Produces(StatusCodes.Status200OK, contentType: Spreadsheets.ContentType).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/commission-runs/{id:guid}/export", Export).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();

        api.MapPost("/commission-questions/{id:guid}/answer", async (Guid id, AnswerQuestionInput input, CommissionRuns save, HttpContext ctx, CancellationToken ct) =>
        {
            var answered = await save.Answer(id, input, ct);
            return answered.IsSuccess ? TypedResults.NoContent() : Problems.From(answered.Error!, ctx);
        }).WithTags("Commission").RequireAuthorization(Policies.ReadAccounts).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/commission-calculator", async (CalculatorInput input, CommissionCalculator calculator, HttpContext ctx, CancellationToken ct) =>
            (await calculator.Handle(input, ct)).Ok(ctx)).WithTags("Commission").RequireAuthorization(Policies.ReadAccounts)
            .Produces<CalculatorView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static Task<IResult> Export(Guid id, ExportPayout export, HttpContext ctx, CancellationToken ct) =>
        Spreadsheets.Export("commission.payout_sheet", path => export.WriteAsync(id, path, ct), ctx);

    private static async Task<IResult> Then<T>(Kam.Core.Common.Result done, Func<Task<Kam.Core.Common.Result<T>>> read, HttpContext ctx) =>
        done.IsSuccess ? (await read()).Ok(ctx) : Problems.From(done.Error!, ctx);
}
