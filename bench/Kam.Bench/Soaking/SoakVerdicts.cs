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

    /// <summary>The GC's heaps grow and shrink by a few percent between samples; more than this is growth.</summary>
    public const double GrowthLimit = 0.10;

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

    /// <summary>Server RSS after the last minute against RSS after minute 2 (after warm-up).</summary>
    public static SoakVerdict MemoryGrowth(IReadOnlyList<SoakMinute> minutes)
    {
        const string check = "Memory growth after warm-up (server RSS at the end vs. after minute 2)";
        if (minutes.All(m => m.ServerRssMb is null))
            return new(check, "not judged", "no --server-pid: the server's memory was not read");
        if (minutes.Count < 3 || minutes[1].ServerRssMb is not { } warm || minutes[^1].ServerRssMb is not { } end)
            return new(check, "not judged", $"needs at least 3 minutes with the server's RSS (this run had {minutes.Count})");
        var growth = end / warm - 1;
        var peak = minutes.Skip(2).Max(m => m.ServerRssMb ?? 0);
        var detail = Invariant($"{end:0} MB at the end vs. {warm:0} MB after minute 2 ({end - warm:+0;-0} MB, {growth:+0.0%;-0.0%}; highest after minute 2: {peak:0} MB)");
        return growth <= GrowthLimit
            ? new(check, "pass", detail + Invariant($": no growth after warm-up (within {GrowthLimit:+0%})"))
            : new(check, "fail", detail + Invariant($": grew by more than {GrowthLimit:+0%}"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
