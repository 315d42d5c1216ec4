using System.Globalization;
using System.Text;
using Kam.Bench.Running;

namespace Kam.Bench.Reporting;

/// <summary>Everything one run of a scenario file produced; serialised as the JSON result.</summary>
public sealed record RunReport(
    string Name,
    string? Description,
    DateTimeOffset StartedAt,
    string BaseUrl,
    string Command,
    MachineInfo Machine,
    IReadOnlyList<KeyValuePair<string, string>> Meta,
    string Settings,
    IReadOnlyList<ScenarioResult> Results)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Kam benchmark: {Name}").AppendLine();
        if (Description is not null)
            md.AppendLine(Description).AppendLine();
        md.Append(Header(StartedAt, BaseUrl, Command, Machine, Meta.Append(KeyValuePair.Create("Settings", Settings))));
        md.AppendLine().Append(Table());
        var notes = Notes();
        if (notes.Length > 0)
            md.AppendLine().AppendLine("Notes:").AppendLine().Append(notes);
        return md.ToString();
    }

    public static string Header(DateTimeOffset at, string baseUrl, string command, MachineInfo m, IEnumerable<KeyValuePair<string, string>> meta)
    {
        var md = new StringBuilder();
        md.AppendLine("| | |").AppendLine("|---|---|");
        void Row(string k, string v) => md.AppendLine(CultureInfo.InvariantCulture, $"| {k} | {v.Replace("|", "\\|", StringComparison.Ordinal)} |");
        Row("Date (UTC)", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        Row("Commit", m.Commit);
        Row("Machine", $"{m.Cpus} CPUs (nproc), {m.MemoryGiB.ToString("0.0", CultureInfo.InvariantCulture)} GiB RAM, {m.CpuModel}");
        Row("OS / runtime", $"{m.Os} / {m.Runtime}");
        Row("Server", baseUrl);
        Row("Command", $"`{command}`");
        foreach (var (k, v) in meta)
            Row(k, v);
        Row("Load average (1/5/15 min) at the end", m.LoadAverage);
        return md.ToString();
    }

    public string Table()
    {
        var withRss = Results.Any(r => r.ServerRssMb is not null);
        var md = new StringBuilder();
        md.Append("| Scenario | Clients | Requests | Errors | Median ms | p95 ms | p99 ms | Req/s |");
        md.AppendLine(withRss ? " Server RSS MB |" : "");
        md.Append("|---|--:|--:|--:|--:|--:|--:|--:|").AppendLine(withRss ? "--:|" : "");
        foreach (var r in Results)
        {
            if (r.Skipped is not null)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {r.Scenario} | skipped | | | | | | |").AppendLine(withRss ? " |" : "");
                continue;
            }
            md.Append(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Clients} | {r.Requests} | {r.Errors} | {Ms(r.MedianMs)} | {Ms(r.P95Ms)} | {Ms(r.P99Ms)} | {r.RequestsPerSecond:0.0} |");
            md.AppendLine(withRss ? string.Create(CultureInfo.InvariantCulture, $" {r.ServerRssMb:0} |") : "");
        }
        return md.ToString();
    }

    private string Notes()
    {
        var md = new StringBuilder();
        foreach (var r in Results)
        {
            if (r.Skipped is not null)
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Scenario}** skipped: {r.Skipped}");
            else if (r.Errors > 0)
            {
                var statuses = string.Join(", ", r.ErrorsByStatus.Select(kv => $"{(kv.Key == "0" ? "no response" : kv.Key)} ×{kv.Value}"));
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Scenario}** at {r.Clients} clients: {statuses} (first: {r.FirstError}) on `{r.Method} {r.Path}`");
            }
            if (r.StoppedBy == "time")
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{r.Scenario}** at {r.Clients} clients hit the time limit after {r.Requests} requests");
        }
        return md.ToString();
    }

    /// <summary>Sub-millisecond latencies keep two decimals so that fast endpoints still compare.</summary>
    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
