using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kam.Core.Identity;
using Kam.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Kam.Web.Tests;

/// <summary>
/// Bad input to every operation of Kam's own OpenAPI document, as a person allowed to call it, on a database of its
/// own (so that real records may be changed): nulls, missing fields, null array elements, wrong types, over-long
/// strings, undefined enum values, extreme dates and numbers, malformed JSON, ids that are not ids. No answer may be a
/// 5xx, and every 400 names the field at fault. A new endpoint is covered by being in the document.
/// </summary>
public sealed partial class FuzzTests(FuzzTests.Factory app, ITestOutputHelper output) : IClassFixture<FuzzTests.Factory>
{
    /// <summary>Kam with the demo department on a database no other test uses.</summary>
    public sealed class Factory : KamFactory
    {
    }

    private static readonly string LongText = new('长', 100_000);

    // Who calls an operation: the first of these whose role its policy admits.
    private static readonly (string Role, string User)[] Callers =
        [(Roles.Head, "head"), (Roles.Assistant, "assistant"), (Roles.AccountManager, "am1"), (Roles.Executive, "exec"), (Roles.Admin, "admin")];

    [Fact]
    public async Task No_operation_answers_5xx_to_bad_input_and_every_400_names_a_field()
    {
        using var anonymous = app.Anonymous();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/openapi/v1.json"))!;
        var schemas = document["components"]?["schemas"]?.AsObject();
        var policies = PoliciesByRoute();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var operations = 0;
        var requests = 0;

        // Writes that would lock the fuzzing users out of the rest of the run are sent with ids that exist nowhere.
        static bool Harmful(string path) => path.StartsWith("/api/users", StringComparison.Ordinal) || path.StartsWith("/api/me", StringComparison.Ordinal)
            || path.StartsWith("/api/auth", StringComparison.Ordinal) || path.Contains("handover", StringComparison.Ordinal);

        foreach (var (path, item) in document["paths"]!.AsObject().OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete"))
            {
                operations++;
                var user = CallerOf(policies.GetValueOrDefault($"{method.ToUpperInvariant()} {path}"));
                using var client = user is null ? app.Anonymous() : await app.As(user);
                var parameters = operation!["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
                var url = await RealUrl(client, path, Harmful(path));
                foreach (var fuzz in Cases(url, path, method, parameters, operation["requestBody"], schemas))
                {
                    requests++;
                    using var request = fuzz.Request();
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    var body = await response.Content.ReadAsStringAsync();
                    if (status >= 500)
                        failures.Add($"{status} {method.ToUpperInvariant()} {path} [{fuzz.Name}] as {user}");
                    else if (status == 400 && !NamesAField(body))
                        failures.Add($"400 without a field {method.ToUpperInvariant()} {path} [{fuzz.Name}] as {user}: {Truncate(body)}");
                }
            }
        }

        output.WriteLine($"{operations} operations, {requests} requests: " + string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}")));
        Assert.True(operations > 100, $"only {operations} operations in the OpenAPI document");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} requests failed:\n" + string.Join("\n", failures.Distinct().Take(80)));
    }

    private sealed record Case(string Name, Func<HttpRequestMessage> Request);

    private static IEnumerable<Case> Cases(string url, string path, string method, List<JsonNode> parameters, JsonNode? body, JsonObject? schemas)
    {
        var http = new HttpMethod(method.ToUpperInvariant());
        var query = parameters.Where(p => (string?)p["in"] == "query").ToList();
        HttpRequestMessage Make(string target, HttpContent? content = null) => new(http, target) { Content = content };
        var jsonBody = body?["content"]?["application/json"]?["schema"];
        var multipart = body?["content"]?.AsObject().Any(c => c.Key.StartsWith("multipart/", StringComparison.Ordinal)) == true;
        JsonObject? Baseline() => jsonBody is null ? null : Sample(Resolve(jsonBody, schemas), schemas, 0) as JsonObject;
        HttpContent? BaselineBody() => jsonBody is not null ? Json(Baseline() ?? (JsonNode)new JsonObject()) : multipart ? EmptyForm() : null;

        // Ids that are not ids.
        if (path.Contains('{'))
            yield return new Case("path:not-a-guid", () => Make(RouteParameter().Replace(path, "not-a-guid"), BaselineBody()));

        // Query parameters, one at a time.
        foreach (var p in query)
        {
            var name = (string)p["name"]!;
            var schema = Resolve(p["schema"], schemas);
            foreach (var (label, value) in BadScalars(schema))
                yield return new Case($"query:{name}={label}", () => Make($"{url}?{name}={Uri.EscapeDataString(value)}", BaselineBody()));
        }

        if (multipart)
        {
            yield return new Case("form:empty", () => Make(url, EmptyForm()));
            yield return new Case("form:empty-file", () => Make(url, new MultipartFormDataContent { { new ByteArrayContent([]), "file", "empty.xlsx" } }));
            yield return new Case("form:not-a-form", () => Make(url, Json(new JsonObject())));
        }
        if (jsonBody is null)
            yield break;

        yield return new Case("body:none", () => Make(url));
        yield return new Case("body:null", () => Make(url, Raw("null")));
        yield return new Case("body:malformed", () => Make(url, Raw("{\"")));
        yield return new Case("body:array", () => Make(url, Raw("[]")));
        yield return new Case("body:empty", () => Make(url, Json(new JsonObject())));
        var root = Resolve(jsonBody, schemas);
        if (root?["properties"] is not JsonObject properties)
            yield break;
        foreach (var (name, propertySchema) in properties)
        {
            var schema = Resolve(propertySchema, schemas);
            yield return new Case($"{name}:missing", () => { var b = Baseline()!; b.Remove(name); return Make(url, Json(b)); });
            foreach (var (label, value) in BadValues(schema, schemas))
                yield return new Case($"{name}:{label}", () => { var b = Baseline()!; b[name] = value?.DeepClone(); return Make(url, Json(b)); });
        }
    }

    /// <summary>Bad values for a JSON property of the given schema (each a fresh node).</summary>
    private static IEnumerable<(string Label, JsonNode? Value)> BadValues(JsonNode? schema, JsonObject? schemas)
    {
        yield return ("null", null);
        var types = Types(schema);
        if (types.Contains("string"))
        {
            yield return ("number", JsonValue.Create(12345));
            yield return ("long", JsonValue.Create(LongText));
            yield return ("injection", JsonValue.Create("'; DROP TABLE \"Accounts\"; -- <script>alert(1)</script> =cmd|' /C calc'!A0"));
            var format = (string?)schema?["format"];
            if (format is "date" or "date-time")
            {
                yield return ("year-9999", JsonValue.Create(format == "date" ? "9999-12-31" : "9999-12-31T23:59:59Z"));
                yield return ("year-1", JsonValue.Create(format == "date" ? "0001-01-01" : "0001-01-01T00:00:00Z"));
                yield return ("not-a-date", JsonValue.Create("2026-13-45"));
            }
            if (format == "uuid")
                yield return ("not-a-guid", JsonValue.Create("not-a-guid"));
        }
        if (schema?["enum"] is JsonArray)
        {
            yield return ("enum-999", JsonValue.Create(999));
            yield return ("enum-unknown", JsonValue.Create("NoSuchValue"));
        }
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("text", JsonValue.Create("abc"));
            yield return ("huge", JsonValue.Create(1e30));
            yield return ("negative", JsonValue.Create(-1e30));
            yield return ("int-overflow", JsonValue.Create(2147483648L));
        }
        if (types.Contains("boolean"))
            yield return ("text", JsonValue.Create("maybe"));
        if (types.Contains("array"))
        {
            yield return ("not-an-array", JsonValue.Create("x"));
            yield return ("null-element", new JsonArray((JsonNode?)null));
            var itemSchema = Resolve(schema?["items"], schemas);
            if (itemSchema?["properties"] is JsonObject itemProperties)
            {
                // One element with each of its fields null, and one with nothing in it.
                var element = Sample(itemSchema, schemas, 1) as JsonObject ?? [];
                foreach (var (name, _) in itemProperties)
                {
                    var nulled = (JsonObject)element.DeepClone();
                    nulled[name] = null;
                    yield return ($"element-{name}-null", new JsonArray(nulled));
                }
                yield return ("element-empty", new JsonArray(new JsonObject()));
            }
        }
        if (types.Contains("object"))
            yield return ("not-an-object", JsonValue.Create(5));
    }

    /// <summary>Bad query-string values for a parameter of the given schema.</summary>
    private static IEnumerable<(string Label, string Value)> BadScalars(JsonNode? schema)
    {
        var types = Types(schema);
        var format = (string?)schema?["format"];
        yield return ("long", new string('长', 5000));
        if (types.Contains("integer") || types.Contains("number"))
        {
            yield return ("text", "abc");
            yield return ("negative", "-1");
            yield return ("overflow", "99999999999999999999");
        }
        if (format is "date" or "date-time" || format is null && types.Contains("string"))
        {
            yield return ("year-9999", "9999-12-31");
            yield return ("year-1", "0001-01-01");
            yield return ("month-9999", "9999-12");
            yield return ("month-1", "0001-01");
        }
        if (format == "uuid")
            yield return ("not-a-guid", "not-a-guid");
        if (schema?["enum"] is JsonArray)
            yield return ("enum-999", "999");
    }

    /// <summary>A plausible value of the schema: what a careful client would send, to be spoiled one field at a time.</summary>
    private static JsonNode? Sample(JsonNode? schema, JsonObject? schemas, int depth)
    {
        schema = Resolve(schema, schemas);
        if (schema is null || depth > 3)
            return null;
        if (schema["enum"] is JsonArray values && values.Count > 0)
            return values.FirstOrDefault(v => v is not null)?.DeepClone();
        var types = Types(schema);
        if (types.Contains("object") || schema["properties"] is JsonObject)
        {
            var result = new JsonObject();
            foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                result[name] = Sample(property, schemas, depth + 1);
            return result;
        }
        if (types.Contains("array"))
            return new JsonArray();
        if (types.Contains("boolean"))
            return JsonValue.Create(false);
        if (types.Contains("integer") || types.Contains("number"))
            return JsonValue.Create(1);
        if (types.Contains("string"))
        {
            return (string?)schema["format"] switch
            {
                "date" => JsonValue.Create(DateTime.UtcNow.ToString("yyyy-MM-dd")),
                "date-time" => JsonValue.Create(DateTime.UtcNow.ToString("O")),
                "uuid" => JsonValue.Create(Guid.NewGuid().ToString()),
                _ => JsonValue.Create("测试"),
            };
        }
        return null;
    }

    private static JsonNode? Resolve(JsonNode? schema, JsonObject? schemas)
    {
        for (var i = 0; i < 5 && schema?["$ref"] is JsonValue reference; i++)
            schema = schemas?[((string)reference!).Split('/')[^1]];
        // A nullable reference is written as oneOf/anyOf [null, {$ref}].
        if (schema?["oneOf"] is JsonArray oneOf)
            return Resolve(oneOf.FirstOrDefault(s => s?["$ref"] is not null || Types(s).Any(t => t != "null")), schemas);
        if (schema?["anyOf"] is JsonArray anyOf)
            return Resolve(anyOf.FirstOrDefault(s => s?["$ref"] is not null || Types(s).Any(t => t != "null")), schemas);
        return schema;
    }

    private static HashSet<string> Types(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray many => many.Select(t => (string?)t).OfType<string>().ToHashSet(),
        JsonValue one => [(string)one!],
        _ => [],
    };

    private static bool NamesAField(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["errors"] is JsonObject errors && errors.Count > 0;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>The operation's address with real ids where a list before it gives one (random ones otherwise).</summary>
    private static async Task<string> RealUrl(HttpClient client, string path, bool randomIds)
    {
        var url = path;
        foreach (Match parameter in RouteParameter().Matches(path))
        {
            string? id = null;
            var listUrl = url[..url.IndexOf(parameter.Value, StringComparison.Ordinal)].TrimEnd('/');
            if (!randomIds && !listUrl.Contains('{'))
            {
                using var response = await client.GetAsync(listUrl + "?pageSize=5");
                if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json") == true)
                {
                    var list = JsonNode.Parse(await response.Content.ReadAsStringAsync());
                    var first = (list as JsonArray ?? list?["items"] as JsonArray)?.FirstOrDefault();
                    id = (string?)first?["id"];
                }
            }
            url = url.Replace(parameter.Value, id ?? Guid.NewGuid().ToString(), StringComparison.Ordinal);
        }
        return url;
    }

    private Dictionary<string, IReadOnlyList<string>> PoliciesByRoute() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Key: $"{m} {Constraint().Replace(e.RoutePattern.RawText!, "}").TrimEnd('/')}",
                Policies: (IReadOnlyList<string>)e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList())))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.First().Policies);

    private static string? CallerOf(IReadOnlyList<string>? policies)
    {
        if (policies is null)
            return "head";
        return Callers.FirstOrDefault(c => policies.All(p => Policies.RolesOf[p].Contains(c.Role))).User ?? "head";
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), new MediaTypeHeaderValue("application/json"));

    private static StringContent Raw(string text) => new(text, Encoding.UTF8, "application/json");

    private static MultipartFormDataContent EmptyForm() => new() { { new StringContent(""), "note" } };

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    // "{id:guid}" → "{id}", "{**path}" stays.
    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}
