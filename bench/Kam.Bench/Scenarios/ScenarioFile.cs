using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kam.Bench.Scenarios;

/// <summary>
/// A set of scenarios read from JSON (bench/scenarios/*.json). File-level values are defaults that a scenario
/// may override, so a new endpoint is benchmarked by editing JSON, not code.
/// </summary>
public sealed record ScenarioFile
{
    public string Name { get; init; } = "bench";

    public string? Description { get; init; }

    /// <summary>Password of every user the scenarios log in as (the demo department shares one).</summary>
    public string Password { get; init; } = "Demo#2026";

    /// <summary>Replaces <c>{fragment}</c> in paths; URL-escaped, so Chinese text is fine.</summary>
    public string? Fragment { get; init; }

    public int[] Concurrency { get; init; } = [1, 4];

    public int Warmup { get; init; } = 20;

    /// <summary>
    /// Minimum warm-up time: .NET recompiles hot methods with full optimisation only after ~30 calls and a short
    /// delay, so a cold server needs time as well as a request count before its numbers mean anything.
    /// </summary>
    public double WarmupSeconds { get; init; }

    public int Requests { get; init; } = 300;

    public double MaxSeconds { get; init; } = 20;

    public IReadOnlyList<Scenario> Scenarios { get; init; } = [];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static ScenarioFile Load(string path)
    {
        ScenarioFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ScenarioFile>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
        if (file is null || file.Scenarios.Count == 0)
            throw new InvalidDataException($"{path}: no scenarios.");
        foreach (var s in file.Scenarios)
            s.Validate(path);
        if (file.Scenarios.Select(s => s.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count() != file.Scenarios.Count)
            throw new InvalidDataException($"{path}: scenario names must be unique.");
        return file;
    }
}

/// <summary>One endpoint under load. <c>User</c> null means anonymous.</summary>
public sealed record Scenario
{
    public string Name { get; init; } = "";

    public string? User { get; init; }

    public string Method { get; init; } = "GET";

    /// <summary>Path and query; may contain <c>{id}</c> (needs <see cref="Resolve"/>), <c>{fragment}</c> and <c>{me}</c> (the
    /// user's own id, from <c>/api/me</c>).</summary>
    public string Path { get; init; } = "";

    /// <summary>A list path GET-ed once before the run; <c>items[0].id</c> (or a single record's <c>id</c>, as from
    /// <c>/api/me</c>) becomes <c>{id}</c>.</summary>
    public string? Resolve { get; init; }

    /// <summary>A path with <c>{id}</c> POST-ed once after <see cref="Resolve"/> (e.g. a survey link made for the record); its
    /// property <see cref="ResolveField"/> becomes <c>{id}</c> instead (a token for an anonymous page).</summary>
    public string? ResolveThen { get; init; }

    public string ResolveField { get; init; } = "id";

    /// <summary>Who resolves <c>{id}</c> when the scenario itself runs anonymously.</summary>
    public string? ResolveUser { get; init; }

    /// <summary>JSON request body for POST/PUT scenarios.</summary>
    public JsonElement? Body { get; init; }

    public string? Fragment { get; init; }

    public int[]? Concurrency { get; init; }

    public int? Warmup { get; init; }

    public double? WarmupSeconds { get; init; }

    public int? Requests { get; init; }

    public double? MaxSeconds { get; init; }

    internal void Validate(string file)
    {
        if (string.IsNullOrWhiteSpace(Name))
            throw new InvalidDataException($"{file}: a scenario has no name.");
        if (!Path.StartsWith('/'))
            throw new InvalidDataException($"{file}: scenario '{Name}': path must start with '/' (it is relative to --base).");
        if (Path.Contains("{id}", StringComparison.Ordinal) && Resolve is null)
            throw new InvalidDataException($"{file}: scenario '{Name}': path has {{id}} but no \"resolve\" list path.");
        if (Resolve is not null && !Resolve.StartsWith('/'))
            throw new InvalidDataException($"{file}: scenario '{Name}': resolve must start with '/'.");
    }
}
