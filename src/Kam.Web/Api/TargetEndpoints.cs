using Kam.Core.Identity;
using Kam.Core.Targets;

namespace Kam.Web.Api;

public static class TargetEndpoints
{
    public static void MapTargets(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var targets = api.MapGroup("/targets").WithTags("Targets").RequireAuthorization(Policies.ReadAccounts);
        targets.MapGet("", async (string? period, GetTargets get, HttpContext ctx, CancellationToken ct) =>
            (await get.Handle(period, ct)).Ok(ctx)).Produces<TargetBreakdown>().ProducesValidationProblem();
        targets.MapPut("", async (string? period, TargetSheetInput input, SetTargets set, GetTargets get, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await set.Handle(period, input, ct);
            return saved.IsSuccess ? (await get.Handle(period, ct)).Ok(ctx) : Problems.From(saved.Error!, ctx);
        }).Produces<TargetBreakdown>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapGet("/progress", async (string? period, Guid? userId, GetTargetProgress progress, HttpContext ctx, CancellationToken ct) =>
            (await progress.Handle(period, userId, ct)).Ok(ctx)).Produces<TargetProgress>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        targets.MapGet("/export", Export).ProducesValidationProblem();
        // The UI's export link: the same export, authenticated by the sign-in cookie.
        app.MapGet("/targets/export", Export).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        targets.MapGet("/breakdown/export", ExportBreakdown).ProducesValidationProblem();
        app.MapGet("/targets/breakdown/export", ExportBreakdown).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        targets.MapPost("/import", (string? period, IFormFile? file, ImportTargets import, ImportReports reports, Kam.Core.Common.ICurrentUser me, HttpContext ctx, CancellationToken ct) =>
            reports.RunAsync(file, null, path => import.Handle(period, path, ct), me.Id!.Value, ctx, ct)
).DisableAntiforgery().Produces<ImportResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapGet("/focus", async (string? period, FocusTargets focus, HttpContext ctx, CancellationToken ct) =>
            (await focus.Get(period, ct)).Ok(ctx)).Produces<FocusBoard>().ProducesValidationProblem();
        targets.MapPut("/focus", async (string? period, FocusInput input, FocusTargets focus, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await focus.Save(period, input, ct);
            return saved.IsSuccess ? (await focus.Get(period, ct)).Ok(ctx) : Problems.From(saved.Error!, ctx);
        }).Produces<FocusBoard>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapPost("/focus/{id:guid}/remove", async (Guid id, FocusRemoveInput input, FocusTargets focus, HttpContext ctx, CancellationToken ct) =>
            (await focus.Remove(id, input, ct)).NoContent(ctx)).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        targets.MapGet("/settings", async (ManageTargetSettings manage, CancellationToken ct) => TypedResults.Ok(await manage.Get(ct)));
        targets.MapPut("/settings", async (TargetSettings input, ManageTargetSettings manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Set(input, ct)).Ok(ctx)).Produces<TargetSettings>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static Task<IResult> Export(string? period, ExportTargetProgress export, HttpContext ctx, CancellationToken ct) =>
        Workbook(period, "target.export_name", path => export.WriteAsync(period, path, ct), ctx);

    private static Task<IResult> ExportBreakdown(string? period, ExportTargets export, HttpContext ctx, CancellationToken ct) =>
        Workbook(period, "target.breakdown_export_name", path => export.WriteAsync(period, path, ct), ctx);

    /// <summary>A period's workbook: a bad period is a 400 with the field, checked before any file is made.</summary>
    private static async Task<IResult> Workbook(string? period, string nameKey, Func<string, Task<Kam.Core.Common.Result<int>>> write, HttpContext ctx)
    {
        if (Period.Parse(period) is null)
            return Problems.From(Kam.Core.Common.Error.Validation("period", "target.period_invalid"), ctx);
        return await Spreadsheets.Export(nameKey, async path =>
        {
            var written = await write(path);
            if (!written.IsSuccess)
                throw new InvalidOperationException(written.Error!.Code);
        });
    }
}
