using Kam.Core.Common;

namespace Kam.Web.Api;

/// <summary>The one way an endpoint sends a workbook (exports, templates, import reports), named in the user's language.</summary>
internal static class Spreadsheets
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// An export: written to a temporary file (never held in memory, exports run to 100,000 rows), sent, and deleted
    /// once the response is done; named "{name}-yyyyMMdd-HHmm.xlsx" by the business clock.
    /// </summary>
    public static async Task<IResult> Export(string nameKey, Func<string, Task> write) => Stream(await WrittenAsync(write), nameKey);

    /// <summary>A temporary file written by <paramref name="write"/>; deleted again if writing fails.</summary>
    private static async Task<string> WrittenAsync(Func<string, Task> write)
    {
        var path = Path.GetTempFileName();
        try
        {
            await write(path);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return path;
    }

    /// <summary>A written workbook, deleted once sent.</summary>
    private static IResult Stream(string path, string nameKey)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return TypedResults.File(stream, ContentType, $"{Text.Get(nameKey)}-{DateTime.UtcNow.AddHours(8):yyyyMMdd-HHmm}.xlsx");
    }

    /// <summary>An export that may be refused (a record not found, a filter out of range): its problem, or the file.</summary>
    public static async Task<IResult> Export(string nameKey, Func<string, Task<Kam.Core.Common.Result<int>>> write, HttpContext ctx)
    {
        Kam.Core.Common.Result<int> written = default;
        var path = await WrittenAsync(async p => written = await write(p));
        if (!written.IsSuccess)
        {
            File.Delete(path);
            return Problems.From(written.Error!, ctx);
        }
        return Stream(path, nameKey);
    }

    /// <summary>A workbook made in memory (an import template).</summary>
    public static async Task<IResult> Template(string nameKey, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var stream = new MemoryStream();
        await write(stream, ct);
        stream.Position = 0;
        return TypedResults.File(stream, ContentType, $"{Text.Get(nameKey)}.xlsx");
    }

    /// <summary>A workbook kept on disk (an import's error report).</summary>
    public static IResult Stored(string path, string nameKey) => Results.File(path, ContentType, $"{Text.Get(nameKey)}.xlsx");
}
