namespace Kam.Bench.Running;

/// <summary>One request: its latency (sending to the last byte of the body) and outcome; status 0 when no response came.</summary>
public readonly record struct Sample(double Ms, int Status, string? Error)
{
    public bool IsSuccess => Status is >= 200 and < 300 && Error is null;
}

/// <summary>What the report shows for one scenario at one number of clients.</summary>
public sealed record ScenarioResult
{
    public required string Scenario { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public string? User { get; init; }
    public int Clients { get; init; }
    public int Requests { get; init; }
    public int Errors { get; init; }
    public double MedianMs { get; init; }
    public double P95Ms { get; init; }
    public double P99Ms { get; init; }
    public double MeanMs { get; init; }
    public double MaxMs { get; init; }
    public double RequestsPerSecond { get; init; }
    public double ElapsedSeconds { get; init; }

    /// <summary>"count" when the request budget ran out first, "time" when the time limit did.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>Status codes of failed requests and how often each came, e.g. {"404": 300}; "0" is no response.</summary>
    public IReadOnlyDictionary<string, int> ErrorsByStatus { get; init; } = new Dictionary<string, int>();
    public string? FirstError { get; init; }

    /// <summary>Server resident memory right after this measurement, when --server-pid was given.</summary>
    public double? ServerRssMb { get; init; }

    /// <summary>Why the scenario did not run (login or {id} resolution failed); null when it ran.</summary>
    public string? Skipped { get; init; }

    public static ScenarioResult From(ScenarioResult head, IReadOnlyList<Sample> samples, double elapsedSeconds, bool timedOut)
    {
        var sorted = samples.Select(s => s.Ms).Order().ToArray();
        var failed = samples.Where(s => !s.IsSuccess).ToList();
        return head with
        {
            Requests = samples.Count,
            Errors = failed.Count,
            MedianMs = Percentile(sorted, 50),
            P95Ms = Percentile(sorted, 95),
            P99Ms = Percentile(sorted, 99),
            MeanMs = sorted.Length == 0 ? 0 : sorted.Average(),
            MaxMs = sorted.Length == 0 ? 0 : sorted[^1],
            ElapsedSeconds = elapsedSeconds,
            RequestsPerSecond = elapsedSeconds > 0 ? samples.Count / elapsedSeconds : 0,
            StoppedBy = timedOut ? "time" : "count",
            ErrorsByStatus = failed.GroupBy(s => s.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => g.Count()),
            FirstError = failed.Select(s => s.Error ?? $"HTTP {s.Status}").FirstOrDefault(),
        };
    }

    /// <summary>Nearest-rank percentile: always a latency that was really measured, never an interpolation.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
            return 0;
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
