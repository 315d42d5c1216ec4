using System.Globalization;
using System.Text;
using Kam.Bench.Soaking;

namespace Kam.Bench.Reporting;

/// <summary>The whole soak: per minute, in total, per operation, and the verdicts; serialised as the JSON result.</summary>
public sealed record SoakReport(
    DateTimeOffset StartedAt,
    string BaseUrl,
    string Command,
    MachineInfo Machine,
    IReadOnlyList<KeyValuePair<string, string>> Meta,
    string Settings,
    IReadOnlyList<string> Clients,
    bool Interrupted,
    IReadOnlyList<SoakVerdict> Verdicts,
    IReadOnlyList<SoakMinute> Minutes,
    SoakTotals Totals,
    double? ServerPeakMb,
    IReadOnlyList<SoakOperationTotal> Operations,
    IReadOnlyList<SoakErrorExample> FirstErrors)
{
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Kam benchmark: soak").AppendLine();
        md.AppendLine("A mixed load for a fixed time: several account managers at once, reading lists and pages and entering visits, "
            + "orders and payments, to show errors, latency drift and memory growth that a short benchmark cannot.").AppendLine();
        var meta = Meta.Append(KeyValuePair.Create("Settings", Settings))
            .Append(KeyValuePair.Create("Clients", string.Join("; ", Clients)));
        if (ServerPeakMb is { } peak)
            meta = meta.Append(KeyValuePair.Create("Server peak memory (VmHWM) at the end", Invariant($"{peak:0} MB")));
        if (Interrupted)
            meta = meta.Append(KeyValuePair.Create("Interrupted", Invariant($"stopped by Ctrl+C after {Minutes.Count} minute(s); the last one is partial")));
        md.Append(RunReport.Header(StartedAt, BaseUrl, Command, Machine, meta));

        md.AppendLine().AppendLine("## Verdicts").AppendLine();
        md.AppendLine("| Check | Outcome | Detail |").AppendLine("|---|---|---|");
        foreach (var v in Verdicts)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {v.Check} | {Mark(v.Outcome)} | {v.Detail} |");

        md.AppendLine().AppendLine("## Per minute").AppendLine().Append(MinuteTable());

        md.AppendLine().AppendLine("## Totals").AppendLine();
        md.AppendLine("| Requests | Errors | Writes | Seconds | Median ms | p95 ms | p99 ms | Max ms | Req/s |");
        md.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        var t = Totals;
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {t.Requests} | {t.Errors} | {t.Writes} | {t.Seconds:0} | {Ms(t.MedianMs)} | {Ms(t.P95Ms)} | {Ms(t.P99Ms)} | {Ms(t.MaxMs)} | {t.RequestsPerSecond:0.0} |");
        if (t.ErrorsByStatus.Count > 0)
            md.AppendLine().AppendLine("Errors by status: " + Statuses(t.ErrorsByStatus) + ".");

        md.AppendLine().AppendLine("## Per operation").AppendLine();
        md.AppendLine("| Operation | Kind | Request | Requests | Errors | Median ms | p95 ms | p99 ms |");
        md.AppendLine("|---|---|---|--:|--:|--:|--:|--:|");
        foreach (var o in Operations)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {o.Operation} | {o.Kind} | `{o.Request}` | {o.Requests} | {o.Errors}{(o.Errors > 0 ? " (" + Statuses(o.ErrorsByStatus) + ")" : "")} | {Ms(o.MedianMs)} | {Ms(o.P95Ms)} | {Ms(o.P99Ms)} |");
        }

        if (FirstErrors.Count > 0)
        {
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## First {FirstErrors.Count} errors").AppendLine();
            foreach (var e in FirstErrors)
                md.AppendLine(CultureInfo.InvariantCulture, $"- minute {e.Minute}, {e.Operation}: `{e.Request}` → {Status(e.Status)}: {e.Message.Replace("|", "\\|", StringComparison.Ordinal)}");
        }
        return md.ToString();
    }

    public string MinuteTable()
    {
        var md = new StringBuilder();
        md.AppendLine("| Minute | Requests | Errors | Writes | Median ms | p95 ms | p99 ms | Req/s | Server RSS MB |");
        md.AppendLine("|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var m in Minutes)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Minute} | {m.Requests} | {m.Errors} | {m.Writes} | {Ms(m.MedianMs)} | {Ms(m.P95Ms)} | {Ms(m.P99Ms)} | {m.RequestsPerSecond:0.0} | {(m.ServerRssMb is { } rss ? rss.ToString("0", CultureInfo.InvariantCulture) : "–")} |");
        }
        return md.ToString();
    }

    /// <summary>The line printed as each minute closes.</summary>
    public static string Line(SoakMinute m) =>
        Invariant($"  minute {m.Minute,2}: {m.Requests,6} requests ({m.Writes} writes), {m.Errors} errors, median {Ms(m.MedianMs)} ms, ")
        + Invariant($"p95 {Ms(m.P95Ms)} ms, p99 {Ms(m.P99Ms)} ms, {m.RequestsPerSecond:0.0} req/s")
        + (m.ServerRssMb is { } rss ? Invariant($", server RSS {rss:0} MB") : "");

    private static string Mark(string outcome) => outcome switch
    {
        "pass" => "✔ pass",
        "fail" => "✘ fail",
        _ => outcome,
    };

    private static string Statuses(IReadOnlyDictionary<string, int> byStatus) =>
        string.Join(", ", byStatus.Select(kv => $"{(kv.Key == "0" ? "no response" : kv.Key)} ×{kv.Value}"));

    private static string Status(int status) => status == 0 ? "no response" : status.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sub-millisecond latencies keep two decimals so that fast endpoints still compare (as in the run report).</summary>
    private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : ms < 100 ? "0.0" : "0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The whole soak in one row.</summary>
public sealed record SoakTotals(int Requests, int Errors, int Writes, double Seconds, double MedianMs, double P95Ms, double P99Ms, double MaxMs,
    double RequestsPerSecond, IReadOnlyDictionary<string, int> ErrorsByStatus);
