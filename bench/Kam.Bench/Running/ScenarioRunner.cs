using System.Net.Http.Json;
using System.Text.Json;
using Kam.Bench.Http;
using Kam.Bench.Scenarios;

namespace Kam.Bench.Running;

/// <summary>Settings in force for a run: the command line overrides the scenario, which overrides the file.</summary>
public sealed record RunSettings(int? Warmup, double? WarmupSeconds, int? Requests, double? MaxSeconds, int[]? Concurrency);

public sealed class ScenarioRunner(ScenarioFile file, RunSettings overrides, VirtualUserPool pool, Func<double?> serverRssMb)
{
    public async Task<List<ScenarioResult>> RunAsync(Scenario scenario, Action<ScenarioResult> progress, CancellationToken ct)
    {
        var head = new ScenarioResult { Scenario = scenario.Name, Method = scenario.Method.ToUpperInvariant(), Path = scenario.Path, User = scenario.User };
        var levels = overrides.Concurrency ?? scenario.Concurrency ?? file.Concurrency;
        var warmup = overrides.Warmup ?? scenario.Warmup ?? file.Warmup;
        var warmupTime = TimeSpan.FromSeconds(overrides.WarmupSeconds ?? scenario.WarmupSeconds ?? file.WarmupSeconds);
        var budget = overrides.Requests ?? scenario.Requests ?? file.Requests;
        var maxDuration = TimeSpan.FromSeconds(overrides.MaxSeconds ?? scenario.MaxSeconds ?? file.MaxSeconds);
        var fragment = scenario.Fragment ?? file.Fragment;

        string path;
        try
        {
            var id = scenario.Resolve is null ? null : await ResolveIdAsync(scenario, fragment, ct);
            path = PathTemplate.Fill(scenario.Path, fragment, id);
            // Log everyone in before measuring: a login is a deliberately slow password hash.
            await pool.GetAsync(scenario.User, file.Password, levels.Max(), ct);
        }
        catch (Exception e) when (e is BenchException or HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException
                                  && !ct.IsCancellationRequested)
        {
            var skipped = head with { Skipped = e.Message };
            progress(skipped);
            return [skipped];
        }

        var results = new List<ScenarioResult>();
        var phase = new LoadPhase(new HttpMethod(head.Method), path, scenario.Body);
        foreach (var clients in levels)
        {
            var users = await pool.GetAsync(scenario.User, file.Password, clients, ct);
            // Warm-up fills connection pools, JIT-compiles the endpoint and primes database caches; not counted.
            await phase.RunAsync(users, warmup, maxDuration, ct, minDuration: warmupTime);
            var (samples, elapsed, timedOut) = await phase.RunAsync(users, budget, maxDuration, ct, minDuration: TimeSpan.Zero);
            var measured = head with { Path = path, Clients = clients, ServerRssMb = serverRssMb() };
            var result = ScenarioResult.From(measured, samples, elapsed, timedOut);
            progress(result);
            results.Add(result);
        }
        return results;
    }

    /// <summary>GETs the scenario's list path once, as its user, and takes <c>items[0].id</c> for <c>{id}</c>.</summary>
    private async Task<string> ResolveIdAsync(Scenario scenario, string? fragment, CancellationToken ct)
    {
        var client = (await pool.GetAsync(scenario.User, file.Password, 1, ct))[0];
        var listPath = PathTemplate.Fill(scenario.Resolve!, fragment, null);
        using var response = await client.GetAsync(KamHttp.Relative(listPath), ct);
        if (!response.IsSuccessStatusCode)
            throw new BenchException($"resolving {{id}}: GET {listPath} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        var list = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (list.ValueKind != JsonValueKind.Object || !list.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            throw new BenchException($"resolving {{id}}: GET {listPath} returned no items");
        if (!items[0].TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            throw new BenchException($"resolving {{id}}: the first item of GET {listPath} has no id");
        return id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
    }
}
