using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>Builds accounts through the API with unique names and valid credit codes.</summary>
public static class Accounts
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    // One random start per test run, then one step per call: unique within a run (a random number per call was not:
    // two calls of a run met about once in a thousand, a duplicate-credit-code 400), and apart from other runs' codes.
    private static long _serial = Random.Shared.NextInt64(1_000_000_000_000);

    public static string UniqueName(string stem = "测试") => $"{stem}{Guid.NewGuid().ToString("N")[..8]}家居有限公司";

    /// <summary>A valid unified social credit code, different every call.</summary>
    public static string NewCreditCode()
    {
        var n = Interlocked.Increment(ref _serial);
        var org = new char[9];
        for (var i = 8; i >= 0; i--)
        {
            org[i] = Alphabet[(int)(n % 31)];
            n /= 31;
        }
        var first = "91440100" + new string(org);
        return first + Kam.Core.Accounts.CreditCode.CheckCharacter(first);
    }

    /// <summary>A valid new account as the API takes it (a unique name and credit code each time).</summary>
    public static JsonObject Body(string? name = null) => new()
    {
        ["name"] = name ?? UniqueName(),
        ["category"] = "Dealer",
        ["creditCode"] = NewCreditCode(),
        ["provinceCode"] = "44",
        ["cityCode"] = "4401",
        ["annualPurchase"] = 800000,
        ["status"] = "Active",
    };

    public static async Task<JsonNode> Create(HttpClient client, object? overrides = null, string? name = null)
    {
        var body = Body(name);
        if (overrides is not null)
        {
            foreach (var (key, value) in JsonSerializerNode(overrides))
                body[key] = value?.DeepClone();
        }
        var response = await client.PostAsJsonAsync("/api/accounts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    private static JsonObject JsonSerializerNode(object value) =>
        System.Text.Json.JsonSerializer.SerializeToNode(value, Json.Options)!.AsObject();
}
