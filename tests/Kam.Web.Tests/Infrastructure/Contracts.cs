using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>Builds contracts through the API.</summary>
public static class Contracts
{
    public static JsonObject Body(Guid accountId, object? overrides = null)
    {
        var body = new JsonObject
        {
            ["kind"] = "Purchase",
            ["accountId"] = accountId,
            ["title"] = "年度采购合同" + Guid.NewGuid().ToString("N")[..6],
            ["amount"] = 500000,
            ["startOn"] = "2026-01-01",
            ["endOn"] = "2027-12-31",
            ["paymentTerms"] = "月结30天",
            ["ourSignatory"] = "王部长",
            ["customerSignatory"] = "李总",
        };
        if (overrides is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(overrides, Json.Options)!.AsObject())
                body[key] = value?.DeepClone();
        }
        return body;
    }

    public static async Task<JsonNode> Create(HttpClient client, Guid accountId, object? overrides = null)
    {
        var response = await client.PostAsJsonAsync("/api/contracts", Body(accountId, overrides));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonNode.Parse(text)!;
    }

    public static Guid Id(this JsonNode node) => Guid.Parse((string)node["id"]!);

    public static async Task<JsonNode> Get(HttpClient client, Guid id) => await (await client.GetAsync($"/api/contracts/{id}")).ReadJson();

    /// <summary>Moves a contract straight to a status (what the approval would do), for tests of what comes after.</summary>
    public static Task SetStatus(KamFactory app, Guid id, ContractStatus status) =>
        app.Change(async db => (await db.Unscoped<Contract>().SingleAsync(c => c.Id == id)).Status = status);
}
