using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Contracts;
using Kam.Core.Payments;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>Products, orders and contracts for the order tests: products and orders through the API, contracts directly
/// (their API is another area's).</summary>
public static class Orders
{
    public static async Task<JsonNode> Product(KamFactory app, decimal listPrice = 100m, string? code = null)
    {
        using var head = await app.As("head");
        var response = await head.PostAsJsonAsync("/api/products", new
        {
            code = code ?? "T-" + Guid.NewGuid().ToString("N")[..10],
            name = "测试产品" + Guid.NewGuid().ToString("N")[..6],
            brand = "欧派",
            series = "测试",
            unit = "套",
            listPrice,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    public static Task<HttpResponseMessage> Post(HttpClient client, Guid accountId, params object[] lines) =>
        client.PostAsJsonAsync("/api/orders", new { accountId, lines });

    public static async Task<JsonNode> Create(HttpClient client, Guid accountId, params object[] lines)
    {
        var response = await Post(client, accountId, lines);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> Step(HttpClient client, JsonNode order, string step, object? extra = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = new JsonObject { ["version"] = (string?)order["version"] };
        if (extra is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra, Json.Options)!.AsObject())
                body[key] = value?.DeepClone();
        }
        var response = await client.PostAsJsonAsync($"/api/orders/{order["id"]}/{step}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{step}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    public static async Task<JsonNode> Get(HttpClient client, JsonNode order) => await (await client.GetAsync($"/api/orders/{order["id"]}")).ReadJson();

    public static Guid Id(JsonNode node) => Guid.Parse((string)node["id"]!);

    /// <summary>A signed contract of the account with the given effective amount (and optionally a payment plan).</summary>
    public static async Task<Guid> Contract(KamFactory app, Guid accountId, Guid ownerId, decimal amount, bool withPaymentPlan = false)
    {
        var contract = new Contract
        {
            Number = "KA-T-" + Guid.NewGuid().ToString("N")[..12],
            Kind = ContractKind.Purchase,
            AccountId = accountId,
            Title = "测试采购合同",
            Amount = amount,
            EffectiveAmount = amount,
            StartOn = new DateOnly(2026, 1, 1),
            EndOn = new DateOnly(2027, 12, 31),
            EffectiveEndOn = new DateOnly(2027, 12, 31),
            OwnerId = ownerId,
            DrafterId = ownerId,
            Status = ContractStatus.Signed,
            SignedOn = new DateOnly(2026, 1, 1),
        };
        await app.Change(db =>
        {
            db.Unscoped<Contract>().Add(contract);
            if (withPaymentPlan)
                db.Unscoped<Instalment>().Add(new Kam.Core.Payments.Instalment { AccountId = accountId, ContractId = contract.Id, No = 1, DueOn = new DateOnly(2026, 12, 31), Amount = amount });
            return Task.CompletedTask;
        });
        return contract.Id;
    }
}
