using Kam.Core.Accounts;
using Kam.Infrastructure.Data;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;

namespace Kam.Web.Api;

/// <summary>
/// The error report of an import: one line per bad cell (row number, column, reason in the user's language),
/// kept under Kam:DataDir/imports/&lt;user&gt;/ so that only the person who imported can download it.
/// </summary>
public sealed class ImportReports(DatabaseSettings settings, IStringLocalizer<SharedResource> l)
{
    private string Folder(Guid userId) => Path.Combine(settings.DataDir, "imports", userId.ToString("N"));

    public async Task<Guid> WriteAsync(Guid userId, IReadOnlyList<ImportError> errors, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        Directory.CreateDirectory(Folder(userId));
        var rows = errors.Select(e => new Dictionary<string, object?>
        {
            [l["import.report_row"]] = e.Row,
            [l["import.report_column"]] = e.ColumnTitle,
            [l["import.report_reason"]] = Message(e),
        });
        await using var file = File.Create(Path.Combine(Folder(userId), $"{id:N}.xlsx"));
        await file.SaveAsAsync(rows, sheetName: l["import.report_sheet"], cancellationToken: ct);
        return id;
    }

    public string? Find(Guid userId, Guid id)
    {
        var path = Path.Combine(Folder(userId), $"{id:N}.xlsx");
        return File.Exists(path) ? path : null;
    }

    public string Message(ImportError e) => l[e.Code, e.Args].Value;

    /// <summary>How an import applies its rows: "all" (default) or "AllOrNothing"; "good" or "GoodRows".</summary>
    public static ImportMode? ParseMode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" or "allornothing" => ImportMode.AllOrNothing,
        "good" or "goodrows" => ImportMode.GoodRows,
        _ => null,
    };

    /// <summary>
    /// An uploaded .xlsx run through an import: no file or not an .xlsx is a 400 on "file" (after that, the caller's
    /// own <paramref name="invalid"/>, such as an unknown mode); the upload is kept in a temporary file for the import
    /// and removed after it; the answer lists the first thousand bad cells and links the full report.
    /// </summary>
    public async Task<IResult> RunAsync(IFormFile? file, Kam.Core.Common.Error? invalid, Func<string, Task<Kam.Core.Common.Result<ImportResult>>> import,
        Guid userId, HttpContext ctx, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            return Problems.From(Kam.Core.Common.Error.Validation("file", "import.file_required"), ctx);
        if (invalid is not null)
            return Problems.From(invalid, ctx);
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return Problems.From(Kam.Core.Common.Error.Validation("file", "import.bad_file"), ctx);
        var path = Path.GetTempFileName();
        try
        {
            await using (var target = File.Create(path))
                await file.CopyToAsync(target, ct);
            var result = await import(path);
            if (!result.IsSuccess)
                return Problems.From(result.Error!, ctx);
            var r = result.Value;
            Guid? reportId = r.Errors.Count > 0 ? await WriteAsync(userId, r.Errors, ct) : null;
            return TypedResults.Ok(new ImportResponse(r.Total, r.Imported, r.Failed, r.Applied,
                r.Errors.Take(1000).Select(e => new ImportErrorLine(e.Row, e.ColumnTitle, Message(e))).ToList(),
                reportId is { } rid ? $"/api/accounts/import/{rid}/report" : null));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
