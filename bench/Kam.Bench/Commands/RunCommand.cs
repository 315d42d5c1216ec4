using Kam.Bench.Cli;
using Kam.Bench.Http;
using Kam.Bench.Monitoring;
using Kam.Bench.Reporting;
using Kam.Bench.Running;
using Kam.Bench.Scenarios;

namespace Kam.Bench.Commands;

/// <summary><c>run</c>: every scenario of a file at every client count, then a Markdown table and JSON.</summary>
public static class RunCommand
{
    private static readonly HashSet<string> Values =
        ["--base", "--scenarios", "--concurrency", "--warmup", "--warmup-seconds", "--requests", "--max-seconds", "--only", "--password",
         "--timeout", "--server-pid", "--results", "--meta"];

    public static async Task<int> RunAsync(string[] argv, CancellationToken ct)
    {
        var args = new Args(argv, Values, new HashSet<string>());
        var baseUri = Loopback.Parse(args.Get("--base"));
        var root = ResultFiles.RepoRoot();
        var scenarioPath = args.Get("--scenarios") ?? Path.Combine(root, "bench", "scenarios", "foundation.json");
        var file = ScenarioFile.Load(scenarioPath);
        if (args.Get("--password") is { } password)
            file = file with { Password = password };
        var only = args.Get("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var scenarios = file.Scenarios.Where(s => only is null || only.Contains(s.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (scenarios.Count == 0)
            throw new UsageException($"--only matches no scenario of {scenarioPath}.");
        var overrides = new RunSettings(args.Int("--warmup"), args.Seconds("--warmup-seconds"), args.Int("--requests"),
            args.Seconds("--max-seconds", positive: true), args.Ints("--concurrency"));
        var server = ServerProcess.FromArg(args.Int("--server-pid"));
        var timeout = TimeSpan.FromSeconds(args.Int("--timeout") ?? 30);

        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.ReadLoadAverage();
        Console.WriteLine($"Kam.Bench: {scenarios.Count} scenarios from {scenarioPath} against {baseUri} (load average {loadAtStart})");
        using var pool = new VirtualUserPool(baseUri, timeout);
        var runner = new ScenarioRunner(file, overrides, pool, () => server?.RssMb());
        var prepared = new List<PreparedScenario>();
        foreach (var scenario in scenarios)
            prepared.Add(await runner.PrepareAsync(scenario, ct));
        Console.WriteLine("  warming up the server on every scenario...");
        foreach (var p in prepared)
            await runner.WarmUpAsync(p, ct);
        var results = new List<ScenarioResult>();
        foreach (var p in prepared)
            results.AddRange(await runner.MeasureAsync(p, Progress, ct));

        var settings = $"a warm-up pass over all scenarios ({overrides.Warmup ?? file.Warmup} requests and at least "
            + $"{overrides.WarmupSeconds ?? file.WarmupSeconds:0.#} s each), then per scenario and client count "
            + $"{overrides.Warmup ?? file.Warmup} warm-up requests and up to {overrides.Requests ?? file.Requests} measured requests "
            + $"or {overrides.MaxSeconds ?? file.MaxSeconds:0.#} s (file defaults; scenarios may override)";
        var report = new RunReport(file.Name, file.Description, startedAt, baseUri.ToString(), CommandLine.Current(argv),
            MachineInfo.Collect(root),
            [.. args.Meta(), KeyValuePair.Create("Load average (1/5/15 min) at the start", loadAtStart)], settings, results);
        Console.WriteLine();
        Console.Write(report.Table());
        var dir = args.Get("--results") ?? Path.Combine(root, "bench", "results");
        var written = ResultFiles.Write(dir, file.Name, startedAt, report.ToMarkdown(), report);
        Console.WriteLine();
        Console.WriteLine($"Kam.Bench: results in {written} (and .json)");
        // Errors are findings, not failures of the harness; a run where nothing could be measured is.
        return results.Any(r => r.Skipped is null && r.Requests > r.Errors) ? 0 : 1;
    }

    private static void Progress(ScenarioResult r) =>
        Console.WriteLine(r.Skipped is not null
            ? $"  {r.Scenario,-24} skipped: {r.Skipped}"
            : $"  {r.Scenario,-24} {r.Clients} client(s): {r.Requests} requests, {r.Errors} errors, median {r.MedianMs:0.00} ms, "
              + $"p95 {r.P95Ms:0.00} ms, {r.RequestsPerSecond:0.0} req/s{(r.StoppedBy == "time" ? " (time limit)" : "")}");
}
