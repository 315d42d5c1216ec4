using Kam.Core.Identity;
using Kam.Core.Orders;
using Kam.Core.Service;

namespace Kam.Web.Api;

/// <summary>Service cases (complaints, objections, problems) with their deadlines, the service policy, the work calendar
/// and the complaint figures.</summary>
public static class ServiceEndpoints
{
    public static void MapService(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var policies = api.MapGroup("/sla-policies").WithTags("Service").RequireAuthorization(Policies.ReadAccounts);
        policies.MapGet("", async (ServicePolicies get, CancellationToken ct) => TypedResults.Ok(await get.Get(ct)));
        policies.MapPut("", async (ServicePolicyInput input, ServicePolicies manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Update(input, ct)).Ok(ctx)).Produces<ServicePolicyView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var calendar = api.MapGroup("/work-calendar").WithTags("Service");
        calendar.MapGet("", async (WorkCalendars get, CancellationToken ct) => TypedResults.Ok(await get.Get(ct))).OpenToEverySignedInUser();
        calendar.MapPut("", async (WorkCalendarInput input, WorkCalendars manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Update(input, ct)).Ok(ctx)).RequireAuthorization(Policies.ManageUsers)
            .Produces<WorkCalendarView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var cases = api.MapGroup("/cases").WithTags("Service").RequireAuthorization(Policies.ReadAccounts);
        cases.MapGet("", async ([AsParameters] CaseQuery query, GetCases get, HttpContext ctx, CancellationToken ct) =>
            (await get.List(query, ct)).Ok(ctx)).Produces<Kam.Core.Common.PagedResult<CaseRow>>().ProducesValidationProblem();
        cases.MapGet("/stats", async (DateOnly? from, DateOnly? to, string? groupBy, string? kind, CaseStats stats, HttpContext ctx, CancellationToken ct) =>
            (await stats.Handle(from, to, groupBy, kind, ct)).Ok(ctx)).Produces<CaseStatsView>().ProducesValidationProblem();
        cases.MapGet("/export", Export);
        app.MapGet("/cases/export", Export).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        cases.MapGet("/{id:guid}", async (Guid id, GetCases get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<CaseView>().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("", async (CaseInput input, SaveCase save, GetCases get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/cases/{created.Value}", (await get.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<CaseView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        cases.MapPut("/{id:guid}", async (Guid id, CaseInput input, SaveCase save, GetCases get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        cases.MapPost("/{id:guid}/handover", async (Guid id, CaseHandoverInput input, SaveCase save, GetCases get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Reassign(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        Step(cases, "acknowledge", (flow, id, input, ct) => flow.Acknowledge(id, input, ct));
        Step(cases, "progress", (flow, id, input, ct) => flow.Progress(id, input, ct));
        Step(cases, "wait", (flow, id, input, ct) => flow.Wait(id, input, ct));
        Step(cases, "resume", (flow, id, input, ct) => flow.Resume(id, input, ct));
        Step(cases, "resolve", (flow, id, input, ct) => flow.Resolve(id, input, ct));
        Step(cases, "confirm", (flow, id, input, ct) => flow.Confirm(id, input, ct));
        Step(cases, "reopen", (flow, id, input, ct) => flow.Reopen(id, input, ct));
        Step(cases, "close", (flow, id, input, ct) => flow.Close(id, input, ct));
        var templates = api.MapGroup("/survey-templates").WithTags("Service").RequireAuthorization(Policies.ReadAccounts);
        templates.MapGet("", async (bool? archived, SurveyTemplates get, CancellationToken ct) => TypedResults.Ok(await get.List(archived == true, ct)));
        templates.MapGet("/{id:guid}", async (Guid id, SurveyTemplates get, HttpContext ctx, CancellationToken ct) => (await get.Get(id, ct)).Ok(ctx))
            .Produces<SurveyTemplateView>().ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPost("", async (SurveyTemplateInput input, SurveyTemplates save, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/survey-templates/{created.Value}", (await save.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<SurveyTemplateView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        templates.MapPut("/{id:guid}", async (Guid id, SurveyTemplateInput input, SurveyTemplates save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), () => save.Get(id, ct), ctx))
            .Produces<SurveyTemplateView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        templates.MapPost("/{id:guid}/archive", async (Guid id, SurveyTemplates save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Archive(id, true, ct), () => save.Get(id, ct), ctx)).Produces<SurveyTemplateView>();
        templates.MapPost("/{id:guid}/restore", async (Guid id, SurveyTemplates save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Archive(id, false, ct), () => save.Get(id, ct), ctx)).Produces<SurveyTemplateView>();

        var followUps = api.MapGroup("/follow-ups").WithTags("Service").RequireAuthorization(Policies.ReadAccounts);
        followUps.MapGet("", async ([AsParameters] FollowUpQuery query, FollowUps get, HttpContext ctx, CancellationToken ct) =>
            (await get.List(query, ct)).Ok(ctx)).Produces<Kam.Core.Common.PagedResult<FollowUpRow>>().ProducesValidationProblem();
        followUps.MapGet("/export", FollowUpsExport);
        app.MapGet("/follow-ups/export", FollowUpsExport).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        followUps.MapGet("/{id:guid}", async (Guid id, FollowUps get, HttpContext ctx, CancellationToken ct) => (await get.Get(id, ct)).Ok(ctx))
            .Produces<FollowUpView>().ProducesProblem(StatusCodes.Status404NotFound);
        followUps.MapPost("", async (FollowUpInput input, FollowUps save, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/follow-ups/{created.Value}", (await save.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<FollowUpView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        followUps.MapPost("/{id:guid}/answers", async (Guid id, FollowUpAnswersInput input, FollowUps save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Answer(id, input, ct), () => save.Get(id, ct), ctx))
            .Produces<FollowUpView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        followUps.MapPost("/{id:guid}/link", async (Guid id, FollowUps save, HttpContext ctx, CancellationToken ct) => (await save.Link(id, ct)).Ok(ctx))
            .Produces<FollowUpLink>().ProducesProblem(StatusCodes.Status409Conflict);
        followUps.MapPost("/{id:guid}/cancel", async (Guid id, FollowUpCancelInput input, FollowUps save, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Cancel(id, input.Reason, ct), () => save.Get(id, ct), ctx))
            .Produces<FollowUpView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapGet("/satisfaction", async (DateOnly? from, DateOnly? to, string? groupBy, Satisfaction index, HttpContext ctx, CancellationToken ct) =>
            (await index.Handle(from, to, groupBy, ct)).Ok(ctx)).WithTags("Service").RequireAuthorization(Policies.ReadAccounts)
            .Produces<SatisfactionView>().ProducesValidationProblem();
        SurveyPage.Map(app);

        cases.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile? file, Kam.Core.Attachments.AccountAttachments files, HttpContext ctx, CancellationToken ct) =>
        {
            if (file is null)
                return Problems.From(Kam.Core.Common.Error.Validation("file", "import.file_required"), ctx);
            await using var stream = file.OpenReadStream();
            var saved = await files.UploadToCase(id, file.FileName, file.Length, stream, ct);
            return saved.IsSuccess ? TypedResults.Created($"/api/attachments/{saved.Value}", new { id = saved.Value }) : Problems.From(saved.Error!, ctx);
        }).DisableAntiforgery().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        cases.MapPost("/{id:guid}/makeup", async (Guid id, MakeUpInput input, CaseFlow flow, GetCases get, HttpContext ctx, CancellationToken ct) =>
        {
            var requested = await flow.RequestMakeUp(id, input, ct);
            return requested.IsSuccess ? (await get.Get(id, ct)).Ok(ctx) : Problems.From(requested.Error!, ctx);
        }).Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void Step(RouteGroupBuilder cases, string name, Func<CaseFlow, Guid, CaseActionInput, CancellationToken, Task<Kam.Core.Common.Result>> step) =>
        cases.MapPost($"/{{id:guid}}/{name}", async (Guid id, CaseActionInput input, CaseFlow flow, GetCases get, HttpContext ctx, CancellationToken ct) =>
                await Then(await step(flow, id, input, ct), () => get.Get(id, ct), ctx))
            .WithName($"Case_{name}").Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

    private static Task<IResult> FollowUpsExport([AsParameters] FollowUpQuery query, ExportFollowUps export, CancellationToken ct) =>
        Spreadsheets.Export("nav.follow_ups", path => export.WriteAsync(query, path, ct));

    private static Task<IResult> Export([AsParameters] CaseQuery query, ExportCases export, CancellationToken ct) =>
        Spreadsheets.Export("nav.cases", path => export.WriteAsync(query, path, ct));

    private static async Task<IResult> Then<T>(Kam.Core.Common.Result done, Func<Task<Kam.Core.Common.Result<T>>> view, HttpContext ctx) =>
        done.IsSuccess ? (await view()).Ok(ctx) : Problems.From(done.Error!, ctx);
}
