using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Kam.Bench.Reporting;

/// <summary>Where results go: <c>DIR/NAME-yyyyMMdd-HHmmss.md</c> and <c>.json</c> side by side (DIR is git-ignored).</summary>
public static class ResultFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Chinese scenario names and paths stay readable in the file instead of \uXXXX escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);

    /// <summary>Writes both files and returns the Markdown path.</summary>
    public static string Write<T>(string dir, string name, DateTimeOffset at, string markdown, T json)
    {
        Directory.CreateDirectory(dir);
        var stem = Path.Combine(dir, $"{name}-{Stamp(at)}");
        File.WriteAllText(stem + ".md", markdown, new UTF8Encoding(false));
        File.WriteAllText(stem + ".json", JsonSerializer.Serialize(json, Json) + "\n", new UTF8Encoding(false));
        return stem + ".md";
    }

    /// <summary>
    /// The repository root (the folder with Kam.slnx) above the current directory, else above the binary, so that
    /// results land in bench/results wherever the harness is started from.
    /// </summary>
    public static string RepoRoot() =>
        Above(Environment.CurrentDirectory) ?? Above(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kam.slnx")))
                return dir.FullName;
        }
        return null;
    }
}
