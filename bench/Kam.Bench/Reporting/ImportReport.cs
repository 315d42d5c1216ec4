using System.Globalization;
using System.Text;
using System.Text.Json;
using Kam.Bench.Import;

namespace Kam.Bench.Reporting;

/// <summary>One generated file and its upload; serialised as the JSON result.</summary>
public sealed record ImportReport(
    DateTimeOffset StartedAt,
    string BaseUrl,
    string Path,
    string User,
    string Command,
    MachineInfo Machine,
    IReadOnlyList<KeyValuePair<string, string>> Meta,
    int Rows,
    double FileMb,
    double GenerateSeconds,
    double? GeneratorPeakMb,
    UploadResult Upload)
{
    public string Outcome => Upload.IsSuccess ? "imported"
        : Upload.EndpointMissing ? $"endpoint missing ({Upload.Status})"
        : $"failed ({Upload.Status} {Upload.Reason})";

    public double? RowsPerSecond => Upload.IsSuccess && Upload.ElapsedSeconds > 0 ? Rows / Upload.ElapsedSeconds : null;

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Kam benchmark: import").AppendLine();
        md.Append(RunReport.Header(StartedAt, BaseUrl, Command, Machine,
            Meta.Append(KeyValuePair.Create("Upload", $"POST {Path} as {User}, {Rows:N0} rows, {FileMb:0.0} MB .xlsx"))));
        md.AppendLine();
        md.AppendLine("| Rows | File MB | Generate s | Outcome | Upload s | Rows/s | Server RSS before MB | Server RSS max (100 ms samples) MB | Server VmHWM MB |");
        md.AppendLine("|--:|--:|--:|---|--:|--:|--:|--:|--:|");
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {Rows} | {FileMb:0.0} | {GenerateSeconds:0.0} | {Outcome} | {Upload.ElapsedSeconds:0.00} | {Num(RowsPerSecond)} | {Num(Upload.ServerRssBeforeMb)} | {Num(Upload.ServerRssMaxSampledMb)} | {Num(Upload.ServerPeakMb)} |");
        md.AppendLine().AppendLine("Server response:").AppendLine().AppendLine("```json").AppendLine(Pretty(Upload.Body)).AppendLine("```");
        return md.ToString();
    }

    private static string Num(double? v) => v is { } x ? x.ToString("0", CultureInfo.InvariantCulture) : "–";

    /// <summary>The server's JSON indented and cut at 4,000 characters: an error list for 100,000 rows can be huge.</summary>
    public static string Pretty(string body)
    {
        string text;
        try
        {
            using var doc = JsonDocument.Parse(body);
            text = JsonSerializer.Serialize(doc.RootElement, PrettyJson);
        }
        catch (JsonException)
        {
            text = body;
        }
        return text.Length <= 4000 ? text : text[..4000] + "\n… (cut)";
    }

    private static readonly JsonSerializerOptions PrettyJson = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
