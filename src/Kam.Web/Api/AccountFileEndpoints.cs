using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kam.Web.Api;

/// <summary>Spreadsheets of the archive: export (API and the UI's download link), template, import and its report.</summary>
public static class AccountFileEndpoints
{
    public static void MapAccountFiles(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.ReadAccounts);
        accounts.MapGet("/export", Export);
        // The UI's export link: the same export, authenticated by the sign-in cookie.
        app.MapGet("/accounts/export", Export).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();

        accounts.MapGet("/import-template", Template);
        app.MapGet("/accounts/import-template", Template).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        accounts.MapPost("/import", (IFormFile? file, [FromQuery] string? mode, ImportAccounts import, ImportReports reports,
            ICurrentUser me, HttpContext ctx, CancellationToken ct) =>
            reports.RunAsync(file, ImportReports.ParseMode(mode) is null ? Error.Validation("mode", "import.mode_unknown") : null,
                path => import.Handle(path, ImportReports.ParseMode(mode)!.Value, ct), me.Id!.Value, ctx, ct)
).DisableAntiforgery().Produces<ImportResponse>().ProducesValidationProblem();
        accounts.MapGet("/import/{id:guid}/report", Report);
        app.MapGet("/accounts/import/{id:guid}/report", Report).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        api.MapGet("/exports", async (int? page, int? pageSize, ExportAccounts export, CancellationToken ct) =>
            TypedResults.Ok(await export.Log(page ?? 1, pageSize ?? 50, ct))).WithTags("Accounts").RequireAuthorization(Policies.ManageAccounts);
    }

    private static Task<IResult> Template(CancellationToken ct) =>
        Spreadsheets.Template("export.file.account_template", ImportAccounts.WriteTemplateAsync, ct);

    private static IResult Report(Guid id, ImportReports reports, ICurrentUser me) =>
        me.Id is { } userId && reports.Find(userId, id) is { } path ? Spreadsheets.Stored(path, "export.file.import_report") : Results.NotFound();

    private static Task<IResult> Export([AsParameters] AccountQuery query, ExportAccounts export, CancellationToken ct) =>
        Spreadsheets.Export("nav.archive", path => export.WriteAsync(query, path, ct));
}

public sealed record ImportErrorLine(int Row, string Column, string Message);

public sealed record ImportResponse(int Total, int Imported, int Failed, bool Applied, IReadOnlyList<ImportErrorLine> Errors, string? ReportUrl);
