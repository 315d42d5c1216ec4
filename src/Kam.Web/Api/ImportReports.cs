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
}
