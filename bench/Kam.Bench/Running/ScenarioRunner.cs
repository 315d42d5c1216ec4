using System.Net.Http.Json;
using System.Text.Json;
using Kam.Bench.Http;
using Kam.Bench.Scenarios;

namespace Kam.Bench.Running;

/// <summary>Settings in force for a run: the command line overrides the scenario, which overrides the file.</summary>
public sealed record RunSettings(int? Warmup, double? WarmupSeconds, int? Requests, double? MaxSeconds, int[]? Concurrency);

/// <summary>A scenario with its settings resolved and its path filled in, or the reason it cannot run.</summary>
public sealed record PreparedScenario(
    Scenario Scenario, ScenarioResult Head, string? Path, int[] Levels, int Warmup, TimeSpan WarmupTime, int Budget, TimeSpan MaxDuration);

/// <summary>
/// Runs in three passes over all scenarios: prepare (logins, {id}), warm up the server on every endpoint, then
/// measure. A cold server is still compiling shared code (authentication, EF Core, JSON) during the first
/// scenarios, so warming each scenario only just before its own measurement made the first ones look slower.
/// </summary>
public sealed class ScenarioRunner(ScenarioFile file, RunSettings overrides, VirtualUserPool pool, Func<double?> serverRssMb)
{
    public async Task<PreparedScenario> PrepareAsync(Scenario scenario, CancellationToken ct)
    {
        var head = new ScenarioResult { Scenario = scenario.Name, Method = scenario.Method.ToUpperInvariant(), Path = scenario.Path, User = scenario.User };
        var prepared = new PreparedScenario(scenario, head, null,
            overrides.Concurrency ?? scenario.Concurrency ?? file.Concurrency,
            overrides.Warmup ?? scenario.Warmup ?? file.Warmup,
            TimeSpan.FromSeconds(overrides.WarmupSeconds ?? scenario.WarmupSeconds ?? file.WarmupSeconds),
            overrides.Requests ?? scenario.Requests ?? file.Requests,
            TimeSpan.FromSeconds(overrides.MaxSeconds ?? scenario.MaxSeconds ?? file.MaxSeconds));
        var fragment = scenario.Fragment ?? file.Fragment;
        try
        {
            var id = scenario.Resolve is null ? null : await ResolveIdAsync(scenario, fragment, ct);
            var path = PathTemplate.Fill(scenario.Path, fragment, id);
            if (path.Contains("{me}", StringComparison.Ordinal))
            {
                var me = await FirstIdAsync((await pool.GetAsync(scenario.User, file.Password, 1, ct))[0], "/api/me", ct);
                path = path.Replace("{me}", Uri.EscapeDataString(me), StringComparison.Ordinal);
            }
            // Log everyone in before measuring: a login is a deliberately slow password hash.
            await pool.GetAsync(scenario.User, file.Password, prepared.Levels.Max(), ct);
            return prepared with { Path = path, Head = head with { Path = path } };
        }
        catch (Exception e) when (e is BenchException or HttpRequestException or InvalidOperationException or JsonException or TaskCanceledException
                                  && !ct.IsCancellationRequested)
        {
            return prepared with { Head = head with { Skipped = e.Message } };
        }
    }

    /// <summary>One warm-up at the highest client count, before anything is measured.</summary>
    public async Task WarmUpAsync(PreparedScenario p, CancellationToken ct)
    {
        if (p.Path is null)
            return;
        var users = await pool.GetAsync(p.Scenario.User, file.Password, p.Levels.Max(), ct);
        await Phase(p).RunAsync(users, p.Warmup, p.MaxDuration, ct, minDuration: p.WarmupTime);
    }

    public async Task<List<ScenarioResult>> MeasureAsync(PreparedScenario p, Action<ScenarioResult> progress, CancellationToken ct)
    {
        if (p.Path is null)
        {
            progress(p.Head);
            return [p.Head];
        }
        var results = new List<ScenarioResult>();
        var phase = Phase(p);
        foreach (var clients in p.Levels)
        {
            var users = await pool.GetAsync(p.Scenario.User, file.Password, clients, ct);
            // A short warm-up at this client count too (the code is warm by now, so no minimum time): it opens the
            // new clients' connections and brings the endpoint's data back into the database cache.
            await phase.RunAsync(users, p.Warmup, p.MaxDuration, ct, minDuration: TimeSpan.Zero);
            var (samples, elapsed, timedOut) = await phase.RunAsync(users, p.Budget, p.MaxDuration, ct, minDuration: TimeSpan.Zero);
            var measured = p.Head with { Clients = clients, ServerRssMb = serverRssMb() };
            var result = ScenarioResult.From(measured, samples, elapsed, timedOut);
            progress(result);
            results.Add(result);
        }
        return results;
    }

    private static LoadPhase Phase(PreparedScenario p) => new(new HttpMethod(p.Head.Method), p.Path!, p.Scenario.Body);

    /// <summary>GETs the scenario's list path once, as its user, and takes <c>items[0].id</c> for <c>{id}</c>.</summary>
    private async Task<string> ResolveIdAsync(Scenario scenario, string? fragment, CancellationToken ct)
    {
        var client = (await pool.GetAsync(scenario.ResolveUser ?? scenario.User, file.Password, 1, ct))[0];
        var listPath = PathTemplate.Fill(scenario.Resolve!, fragment, null);
        var found = await FirstIdAsync(client, listPath, ct);
        if (scenario.ResolveThen is null)
            return found;
        var thenPath = PathTemplate.Fill(scenario.ResolveThen, fragment, found);
        using var made = await client.PostAsync(KamHttp.Relative(thenPath), JsonContent.Create(new { }), ct);
        if (!made.IsSuccessStatusCode)
            throw new BenchException($"resolving {{id}}: POST {thenPath} answered {(int)made.StatusCode} {made.ReasonPhrase}");
        var body = await made.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.TryGetProperty(scenario.ResolveField, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new BenchException($"resolving {{id}}: POST {thenPath} returned no \"{scenario.ResolveField}\"");
    }

    private static async Task<string> FirstIdAsync(HttpClient client, string listPath, CancellationToken ct)
    {
        using var response = await client.GetAsync(KamHttp.Relative(listPath), ct);
        if (!response.IsSuccessStatusCode)
            throw new BenchException($"resolving {{id}}: GET {listPath} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        var list = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        // One record (GET /api/me): its own id.
        if (list.ValueKind == JsonValueKind.Object && !list.TryGetProperty("items", out _) && list.TryGetProperty("id", out var own)
            && own.ValueKind == JsonValueKind.String)
            return own.GetString()!;
        // A plain array (GET /api/commission-runs): its first element's id.
        if (list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].TryGetProperty("id", out var first) && first.ValueKind == JsonValueKind.String)
            return first.GetString()!;
        if (list.ValueKind != JsonValueKind.Object || !list.TryGetProperty("items", out var items)
            || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
            throw new BenchException($"resolving {{id}}: GET {listPath} returned no items");
        if (!items[0].TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            throw new BenchException($"resolving {{id}}: the first item of GET {listPath} has no id");
        return id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText();
    }
}
