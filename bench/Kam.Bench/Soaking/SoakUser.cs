using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Kam.Bench.Http;

namespace Kam.Bench.Soaking;

/// <summary>An active product an order line can use; its list price becomes the line's price.</summary>
public sealed record SoakProduct(Guid Id, string Code, decimal ListPrice);

/// <summary>
/// A signed-in account manager and what their writes need: the accounts they own (so that every visit and order
/// falls in their own data scope, where no other client edits) and the active products. Read once before the soak
/// starts, and not measured.
/// </summary>
public sealed record SoakUser(string UserName, Guid Id, IReadOnlyList<Guid> Accounts, IReadOnlyList<SoakProduct> Products)
{
    public static async Task<SoakUser> PrepareAsync(HttpClient client, string userName, string password, CancellationToken ct)
    {
        await KamHttp.LoginAsync(client, userName, password, ct);
        var me = await GetAsync(client, "/api/me", ct);
        var id = me.TryGetProperty("id", out var i) && i.TryGetGuid(out var guid) ? guid
            : throw new BenchException($"GET /api/me as {userName} answered without an id.");

        var owned = await GetAsync(client, $"/api/accounts?owner={id}&page=1&pageSize=200", ct);
        var accounts = Items(owned).Select(a => a.GetProperty("id").GetGuid()).ToList();
        if (accounts.Count == 0)
            throw new BenchException($"{userName} owns no active account: the soak's visits and orders need one.");

        var catalogue = await GetAsync(client, "/api/products?pageSize=50", ct);
        var products = Items(catalogue)
            .Where(p => p.TryGetProperty("isActive", out var active) && active.ValueKind == JsonValueKind.True)
            .Select(p => new SoakProduct(p.GetProperty("id").GetGuid(), p.GetProperty("code").GetString() ?? "", p.GetProperty("listPrice").GetDecimal()))
            // A free product would make a zero receivable, and a payment on it is refused: not what the soak measures.
            .Where(p => p.ListPrice > 0)
            .ToList();
        if (products.Count == 0)
            throw new BenchException($"GET /api/products?pageSize=50 as {userName} lists no active product with a price: orders need one.");
        return new SoakUser(userName, id, accounts, products);
    }

    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{UserName}: {Accounts.Count} own accounts{(Accounts.Count == 200 ? " (the first 200)" : "")}, {Products.Count} products");

    private static async Task<JsonElement> GetAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(KamHttp.Relative(path), ct);
        if (!response.IsSuccessStatusCode)
            throw new BenchException($"preparing the soak: GET {path} answered {(int)response.StatusCode} {response.ReasonPhrase} "
                + KamHttp.Shorten(await response.Content.ReadAsStringAsync(ct)));
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }

    private static IEnumerable<JsonElement> Items(JsonElement list) =>
        list.ValueKind == JsonValueKind.Object && list.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array
            ? items.EnumerateArray()
            : throw new BenchException("preparing the soak: a list answered without items.");
}
