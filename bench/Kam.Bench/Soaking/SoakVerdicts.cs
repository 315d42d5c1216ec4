using System.Globalization;

namespace Kam.Bench.Soaking;

/// <summary>A check computed from the numbers: "pass", "fail", or "not judged" (a run too short, or no --server-pid).</summary>
public sealed record SoakVerdict(string Check, string Outcome, string Detail);

/// <summary>
/// The soak's three targets. Minute 1 is left out of both comparisons: a freshly started server is still compiling
/// hot code and filling its caches then. Minutes 2-4 are the baseline, the last three minutes the end state; with
/// fewer than 7 minutes the two would overlap and the latency drift is not judged.
/// </summary>
public static class SoakVerdicts
{
    /// <summary>
    /// Medians move by 10-20% between minutes on a 2-core machine shared with the harness (see bench/README.md, on
    /// run-to-run noise); a leak or a growing query shows as a steady climb well past that.
    /// </summary>
    public const double DriftLimit = 0.20;

    /// <summary>Heaps and caches grow and shrink by a few percent between samples; a new high beyond this is growth.</summary>
    public const double GrowthLimit = 0.05;

    public const int MinutesForDrift = 7;

    public static SoakVerdict Errors(int requests, int errors) => new("Errors (target 0)", errors == 0 ? "pass" : "fail",
        Invariant($"{errors:N0} errors in {requests:N0} requests") + (errors == 0 ? "" : ": see the errors by status and the first errors below"));

    /// <summary>Median of every request of the last 3 minutes against the median of every request of minutes 2-4.</summary>
    public static SoakVerdict LatencyDrift(SoakRecorder recorder, int minutes)
    {
        const string check = "Latency drift (median, last 3 minutes vs. minutes 2-4)";
        if (minutes < MinutesForDrift)
            return new(check, "not judged", $"needs at least {MinutesForDrift} minutes (this run had {minutes})");
        var baseline = SoakStats.Of(recorder.Samples(2, 4)).MedianMs;
        var end = SoakStats.Of(recorder.Samples(minutes - 2, minutes)).MedianMs;
        if (baseline <= 0)
            return new(check, "not judged", "no requests in minutes 2-4");
        var change = end / baseline - 1;
        var detail = Invariant($"{end:0.00} ms in minutes {minutes - 2}-{minutes} vs. {baseline:0.00} ms in minutes 2-4 ({change:+0.0%;-0.0%})");
        return change <= DriftLimit
            ? new(check, "pass", detail + Invariant($": no upward drift (within {DriftLimit:+0%})"))
            : new(check, "fail", detail + Invariant($": upward drift (more than {DriftLimit:+0%})"));
    }

    /// <summary>
    /// Memory levels off: the server's highest RSS in the second half of the run against its highest in the first half
    /// (minute 1 left out). Warm-up is longer than for latency: SQLite's page caches fill over several minutes on a
    /// 3.6 GB book until they reach their total (<c>Kam:Sqlite:CacheMiB</c>, 256 MiB), after which SQLite reuses pages.
    /// A leak keeps making new highs to the end; a cache that has filled does not.
    /// </summary>
    public static SoakVerdict MemoryGrowth(IReadOnlyList<SoakMinute> minutes)
    {
        const string check = "Memory levels off (server RSS: highest in the second half vs. highest in the first half)";
        if (minutes.All(m => m.ServerRssMb is null))
            return new(check, "not judged", "no --server-pid: the server's memory was not read");
        var sampled = minutes.Where(m => m.ServerRssMb is not null).ToList();
        if (sampled.Count < 5)
            return new(check, "not judged", $"needs at least 5 minutes with the server's RSS (this run had {sampled.Count})");
        var half = sampled.Count / 2;
        var first = sampled.Skip(1).Take(half - 1).Max(m => m.ServerRssMb!.Value);
        var second = sampled.Skip(half).Max(m => m.ServerRssMb!.Value);
        var (warm, end) = (sampled[1].ServerRssMb!.Value, sampled[^1].ServerRssMb!.Value);
        var growth = second / first - 1;
        var detail = Invariant($"highest {second:0} MB in minutes {sampled[half].Minute}-{sampled[^1].Minute} vs. {first:0} MB in minutes {sampled[1].Minute}-{sampled[half - 1].Minute} ({growth:+0.0%;-0.0%}); {end:0} MB at the end, {warm:0} MB after minute {sampled[1].Minute}");
        return growth <= GrowthLimit
            ? new(check, "pass", detail + Invariant($": levels off (no new high beyond {GrowthLimit:+0%})"))
            : new(check, "fail", detail + Invariant($": still growing (a new high beyond {GrowthLimit:+0%})"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
