using System.Diagnostics;
using Kam.Bench.Cli;
using Kam.Bench.Http;
using Kam.Bench.Monitoring;
using Kam.Bench.Reporting;
using Kam.Bench.Soaking;

namespace Kam.Bench.Commands;

/// <summary>
/// <c>soak</c>: a mixed load of reads and writes by several account managers for a fixed time (10 minutes by
/// default), closed minute by minute, then the errors, the latency drift and the server's memory growth judged.
/// </summary>
public static class SoakCommand
{
    private static readonly HashSet<string> Values =
        ["--base", "--minutes", "--warmup", "--clients", "--password", "--timeout", "--server-pid", "--results", "--seed", "--meta"];

    /// <summary>The demo department's account managers: client i signs in as am(i mod 4 + 1), each in their own data scope.</summary>
    private static readonly string[] AccountManagers = ["am1", "am2", "am3", "am4"];

    private const int ErrorExamples = 5;

    public static async Task<int> RunAsync(string[] argv, CancellationToken ct)
    {
        var args = new Args(argv, Values, new HashSet<string>());
        var baseUri = Loopback.Parse(args.Get("--base"));
        var minutes = args.Int("--minutes") ?? 10;
        var warmup = args.Int("--warmup") ?? 0;
        var clientCount = args.Int("--clients") ?? 4;
        if (minutes == 0 || clientCount == 0)
            throw new UsageException("--minutes and --clients must be at least 1.");
        if (warmup < 0)
            throw new UsageException("--warmup must be 0 or more minutes.");
        var server = ServerProcess.FromArg(args.Int("--server-pid"));
        var timeout = TimeSpan.FromSeconds(args.Int("--timeout") ?? 30);
        var seed = args.Int("--seed") ?? 2026;
        var password = args.Get("--password") ?? "Demo#2026";
        var root = ResultFiles.RepoRoot();

        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.ReadLoadAverage();
        Console.WriteLine($"Kam.Bench: soak of {minutes} minute(s) with {clientCount} client(s) against {baseUri} (load average {loadAtStart})");

        var http = new List<HttpClient>();
        var warmupErrors = 0;
        try
        {
            // Sign everyone in and read what the writes need before the clock starts: none of it is measured.
            var users = new List<SoakUser>();
            for (var i = 0; i < clientCount; i++)
            {
                http.Add(KamHttp.CreateClient(baseUri, timeout));
                users.Add(await SoakUser.PrepareAsync(http[i], AccountManagers[i % AccountManagers.Length], password, ct));
                Console.WriteLine($"  client {i + 1}: {users[i].Describe()}");
            }
            if (clientCount > AccountManagers.Length)
                Console.WriteLine($"  (more clients than account managers: clients {AccountManagers.Length + 1}.. share a data scope, still each editing only its own records)");

            // Warm-up: the same load, not measured, so that the server's caches (SQLite's pages among them) are full when the
            // measured minutes start. Its errors are reported all the same.
            var warmupLine = "none";
            if (warmup > 0)
            {
                var throwaway = new SoakRecorder(ErrorExamples, e =>
                    Console.WriteLine($"  error during warm-up ({e.Operation}): {e.Request} → {(e.Status == 0 ? "no response" : e.Status)} {e.Message}"));
                var warmStarted = Stopwatch.GetTimestamp();
                await Task.WhenAll(users.Select((u, i) => new SoakClient(http[i], u, throwaway, new Random(seed - 1 - i)).RunAsync(warmStarted, TimeSpan.FromMinutes(warmup), ct)));
                var warm = throwaway.CloseMinute(server?.RssMb());
                warmupLine = $"{warmup} minute(s) of the same load before the measured ones, not counted: {warm.Requests} requests, {warm.Errors} errors"
                    + (warm.ServerRssMb is { } rss ? $", server RSS {rss:0} MB at its end" : "");
                Console.WriteLine($"  warm-up: {warmupLine}");
                if (warm.Errors > 0)
                    Console.WriteLine("  (errors during the warm-up fail the soak too)");
                if (ct.IsCancellationRequested)
                    return 130;
                warmupErrors = warm.Errors;
            }

            var recorder = new SoakRecorder(ErrorExamples, e =>
                Console.WriteLine($"  error (minute {e.Minute}, {e.Operation}): {e.Request} → {(e.Status == 0 ? "no response" : e.Status)} {e.Message}"));
            var closed = new List<SoakMinute>();
            var duration = TimeSpan.FromMinutes(minutes);
            var started = Stopwatch.GetTimestamp();
            var clients = users.Select((u, i) => new SoakClient(http[i], u, recorder, new Random(seed + i)).RunAsync(started, duration, ct)).ToList();
            var all = Task.WhenAll(clients);
            for (var m = 1; m < minutes; m++)
            {
                var wait = TimeSpan.FromMinutes(m) - Stopwatch.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                    await Task.WhenAny(all, Task.Delay(wait, CancellationToken.None));
                if (all.IsCompleted)
                    break; // Ctrl+C: the clients stopped early
                Close(recorder, server, closed);
            }
            await all;
            // The last minute ends when the last client's last request is answered (at most one request per client late).
            Close(recorder, server, closed);
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var interrupted = ct.IsCancellationRequested;

            var samples = recorder.Samples(1, closed.Count);
            var stats = SoakStats.Of(samples);
            var totals = new SoakTotals(stats.Requests, stats.Errors, closed.Sum(m => m.Writes), Math.Round(seconds, 1), stats.MedianMs, stats.P95Ms,
                stats.P99Ms, stats.MaxMs, seconds > 0 ? Math.Round(stats.Requests / seconds, 1) : 0, SoakStats.ErrorsByStatus(samples));
            var verdicts = new[]
            {
                SoakVerdicts.Errors(totals.Requests, totals.Errors),
                SoakVerdicts.LatencyDrift(recorder, closed.Count),
                SoakVerdicts.MemoryGrowth(closed),
            };
            var settings = $"{clientCount} client(s) for {minutes} minute(s), closed loop without think time, request timeout {timeout.TotalSeconds:0} s, "
                + $"random seed {seed}; each iteration one task chosen by weight: {SoakMix.Describe()}";
            var report = new SoakReport(startedAt, baseUri.ToString(), CommandLine.Current(argv, "soak"), MachineInfo.Collect(root),
                [.. args.Meta(), KeyValuePair.Create("Load average (1/5/15 min) at the start", loadAtStart), KeyValuePair.Create("Warm-up", warmupLine)], settings,
                users.Select((u, i) => $"client {i + 1} = {u.Describe()}").ToList(), interrupted, verdicts, closed, totals,
                server?.PeakMb() is { } peak ? Math.Round(peak, 1) : null, recorder.Operations(), recorder.ErrorExamples);

            Console.WriteLine();
            Console.WriteLine($"  total: {totals.Requests} requests ({totals.Writes} writes) in {totals.Seconds:0} s, {totals.Errors} errors, "
                + $"median {totals.MedianMs:0.00} ms, p95 {totals.P95Ms:0.00} ms, p99 {totals.P99Ms:0.00} ms, {totals.RequestsPerSecond:0.0} req/s");
            foreach (var v in verdicts)
                Console.WriteLine($"  {v.Check}: {v.Outcome}: {v.Detail}");
            if (interrupted)
                Console.WriteLine($"  interrupted by Ctrl+C after {seconds:0} s: the last minute is partial");
            var dir = args.Get("--results") ?? Path.Combine(root, "bench", "results");
            var written = ResultFiles.Write(dir, "soak", startedAt, report.ToMarkdown(), report);
            Console.WriteLine();
            Console.WriteLine($"Kam.Bench: results in {written} (and .json)");
            if (interrupted)
                return 130;
            // Errors are the soak's first target (0): a soak with any, or with nothing measured, fails. Drift and growth are
            // judged in the report; on a shared machine they can come from elsewhere, so they do not fail the command.
            return totals.Requests > 0 && totals.Errors == 0 && warmupErrors == 0 ? 0 : 1;
        }
        finally
        {
            http.ForEach(c => c.Dispose());
        }
    }

    private static void Close(SoakRecorder recorder, ServerProcess? server, List<SoakMinute> closed)
    {
        var minute = recorder.CloseMinute(server?.RssMb());
        closed.Add(minute);
        Console.WriteLine(SoakReport.Line(minute));
    }
}
