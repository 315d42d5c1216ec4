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
        accounts.MapPost("/import", async (IFormFile? file, [FromQuery] string? mode, ImportAccounts import, ImportReports reports,
            ICurrentUser me, HttpContext ctx, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                return Problems.From(Error.Validation("file", "import.file_required"), ctx);
            if (ParseMode(mode) is not { } importMode)
                return Problems.From(Error.Validation("mode", "import.mode_unknown"), ctx);
            if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
                return Problems.From(Error.Validation("file", "import.bad_file"), ctx);
            var path = Path.GetTempFileName();
            try
            {
                await using (var target = File.Create(path))
                    await file.CopyToAsync(target, ct);
                return await RunAsync(path, importMode, import, reports, me, ctx, ct);
            }
            finally
            {
                File.Delete(path);
            }
        }).DisableAntiforgery().Produces<ImportResponse>().ProducesValidationProblem();
        accounts.MapGet("/import/{id:guid}/report", Report);
        app.MapGet("/accounts/import/{id:guid}/report", Report).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        api.MapGet("/exports", async (int? page, int? pageSize, ExportAccounts export, CancellationToken ct) =>
            TypedResults.Ok(await export.Log(page ?? 1, pageSize ?? 50, ct))).WithTags("Accounts").RequireAuthorization(Policies.ManageAccounts);
    }

    public static async Task<IResult> RunAsync(string path, ImportMode mode, ImportAccounts import, ImportReports reports, ICurrentUser me, HttpContext ctx, CancellationToken ct)
    {
        var result = await import.Handle(path, mode, ct);
        if (!result.IsSuccess)
            return Problems.From(result.Error!, ctx);
        var r = result.Value;
        Guid? reportId = r.Errors.Count > 0 ? await reports.WriteAsync(me.Id!.Value, r.Errors, ct) : null;
        return TypedResults.Ok(new ImportResponse(r.Total, r.Imported, r.Failed, r.Applied,
            r.Errors.Take(1000).Select(e => new ImportErrorLine(e.Row, e.ColumnTitle, reports.Message(e))).ToList(),
            reportId is { } rid ? $"/api/accounts/import/{rid}/report" : null));
    }

    /// <summary>"all" (default) or "AllOrNothing"; "good" or "GoodRows".</summary>
    private static ImportMode? ParseMode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" or "allornothing" => ImportMode.AllOrNothing,
        "good" or "goodrows" => ImportMode.GoodRows,
        _ => null,
    };

    private static Task<IResult> Template(CancellationToken ct) =>
        Spreadsheets.Template("export.file.account_template", ImportAccounts.WriteTemplateAsync, ct);

    private static IResult Report(Guid id, ImportReports reports, ICurrentUser me) =>
        me.Id is { } userId && reports.Find(userId, id) is { } path ? Spreadsheets.Stored(path, "export.file.import_report") : Results.NotFound();

    private static Task<IResult> Export([AsParameters] AccountQuery query, ExportAccounts export, CancellationToken ct) =>
        Spreadsheets.Export("nav.archive", path => export.WriteAsync(query, path, ct));
}

public sealed record ImportErrorLine(int Row, string Column, string Message);

public sealed record ImportResponse(int Total, int Imported, int Failed, bool Applied, IReadOnlyList<ImportErrorLine> Errors, string? ReportUrl);
