using System.Diagnostics;
using System.Globalization;
using Kam.Bench.Running;

namespace Kam.Bench.Soaking;

/// <summary>A failed request with what the server said: enough to tell a 500 from a stale version or a bad body.</summary>
public sealed record SoakErrorExample(int Minute, string Operation, string Request, int Status, string Message);

/// <summary>
/// The samples of all clients, minute by minute: the command closes the current minute at each tick and the next
/// begins. A request counts in the minute its answer arrived, so a slow one that straddles a tick lands in the later
/// minute. Every latency is kept (a 10-minute soak sends well under a million requests: a few MB) so that the
/// verdicts can pool several minutes instead of averaging their medians.
/// </summary>
public sealed class SoakRecorder(int errorExamples, Action<SoakErrorExample> onErrorExample)
{
    private readonly Lock _lock = new();
    private readonly List<List<(SoakOperation Op, Sample Sample)>> _minutes = [[]];
    private readonly List<SoakErrorExample> _examples = [];
    private long _minuteStarted = Stopwatch.GetTimestamp();

    /// <summary>The minute now being filled, from 1.</summary>
    public int CurrentMinute
    {
        get
        {
            lock (_lock)
                return _minutes.Count;
        }
    }

    public IReadOnlyList<SoakErrorExample> ErrorExamples
    {
        get
        {
            lock (_lock)
                return [.. _examples];
        }
    }

    public void Add(SoakOperation op, Sample sample, string request, string body)
    {
        SoakErrorExample? example = null;
        lock (_lock)
        {
            _minutes[^1].Add((op, sample));
            if (!sample.IsSuccess && _examples.Count < errorExamples)
            {
                var message = sample.Error ?? "";
                if (body.Length > 0)
                    message = (message.Length > 0 ? message + ": " : "") + Http.KamHttp.Shorten(body, 600);
                example = new SoakErrorExample(_minutes.Count, op.Name, request, sample.Status, message);
                _examples.Add(example);
            }
        }
        if (example is not null)
            onErrorExample(example);
    }

    /// <summary>Ends the current minute with the server's memory read now, and starts the next.</summary>
    public SoakMinute CloseMinute(double? serverRssMb)
    {
        List<(SoakOperation Op, Sample Sample)> samples;
        double seconds;
        int minute;
        lock (_lock)
        {
            samples = _minutes[^1];
            minute = _minutes.Count;
            var now = Stopwatch.GetTimestamp();
            seconds = Stopwatch.GetElapsedTime(_minuteStarted, now).TotalSeconds;
            _minuteStarted = now;
            _minutes.Add([]);
        }
        var stats = SoakStats.Of(samples.Select(s => s.Sample));
        return new SoakMinute(minute, Math.Round(seconds, 1), stats.Requests, stats.Errors, samples.Count(s => s.Op.IsWrite),
            stats.MedianMs, stats.P95Ms, stats.P99Ms, seconds > 0 ? Math.Round(stats.Requests / seconds, 1) : 0,
            serverRssMb is { } rss ? Math.Round(rss, 1) : null);
    }

    /// <summary>Every sample of minutes <paramref name="from"/> to <paramref name="to"/> (1-based, inclusive), closed ones only.</summary>
    public List<Sample> Samples(int from, int to)
    {
        lock (_lock)
        {
            var closed = _minutes.Count - 1;
            return [.. _minutes.Take(Math.Min(to, closed)).Skip(from - 1).SelectMany(m => m.Select(s => s.Sample))];
        }
    }

    /// <summary>Requests, errors and latency per operation over the whole run.</summary>
    public IReadOnlyList<SoakOperationTotal> Operations()
    {
        List<(SoakOperation Op, Sample Sample)> all;
        lock (_lock)
            all = [.. _minutes.SelectMany(m => m)];
        return SoakOperation.All.Select(op =>
        {
            var samples = all.Where(s => s.Op == op).Select(s => s.Sample).ToList();
            var stats = SoakStats.Of(samples);
            return new SoakOperationTotal(op.Name, op.IsWrite ? "write" : "read", $"{op.Method} {op.Route}", stats.Requests, stats.Errors,
                stats.MedianMs, stats.P95Ms, stats.P99Ms, SoakStats.ErrorsByStatus(samples));
        }).Where(o => o.Requests > 0).ToList();
    }
}

/// <summary>Count, errors and nearest-rank percentiles of a set of samples (the same percentiles as the run command).</summary>
public readonly record struct SoakStats(int Requests, int Errors, double MedianMs, double P95Ms, double P99Ms, double MaxMs)
{
    public static SoakStats Of(IEnumerable<Sample> samples)
    {
        var list = samples as IReadOnlyCollection<Sample> ?? [.. samples];
        var sorted = list.Select(s => s.Ms).Order().ToArray();
        return new SoakStats(list.Count, list.Count(s => !s.IsSuccess),
            Round(ScenarioResult.Percentile(sorted, 50)), Round(ScenarioResult.Percentile(sorted, 95)),
            Round(ScenarioResult.Percentile(sorted, 99)), sorted.Length == 0 ? 0 : Round(sorted[^1]));
    }

    /// <summary>Status codes of the failed requests and how often each came, e.g. {"500": 3}; "0" is no answer.</summary>
    public static IReadOnlyDictionary<string, int> ErrorsByStatus(IEnumerable<Sample> samples) =>
        samples.Where(s => !s.IsSuccess).GroupBy(s => s.Status.ToString(CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    private static double Round(double ms) => Math.Round(ms, 2);
}

/// <summary>One row of the per-minute table.</summary>
public sealed record SoakMinute(int Minute, double Seconds, int Requests, int Errors, int Writes, double MedianMs, double P95Ms,
    double P99Ms, double RequestsPerSecond, double? ServerRssMb);

/// <summary>One operation over the whole soak.</summary>
public sealed record SoakOperationTotal(string Operation, string Kind, string Request, int Requests, int Errors, double MedianMs,
    double P95Ms, double P99Ms, IReadOnlyDictionary<string, int> ErrorsByStatus);
