using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Accounts;
using Kam.Core.Orders;
using Kam.Core.Targets;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>专项目标: a brand's orders and a category's collections targeted for the month, their actuals from the records.</summary>
[Collection(ApiCollection.Name)]
public sealed class TargetFocusApiTests(KamFactory app)
{
    private static DateOnly Today => PaymentData.Today;

    private static string Month => Period.MonthOf(Today).ToString();

    private static JsonNode? Item(JsonNode board, string dimension, string value, string metric) =>
        board["items"]!.AsArray().SingleOrDefault(i => (string)i!["dimension"]! == dimension && (string)i["value"]! == value && (string)i["metric"]! == metric);

    [Fact]
    public async Task A_brands_orders_and_a_categorys_collections_are_targeted_and_their_actuals_move_with_the_records()
    {
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var brand = "品牌" + Guid.NewGuid().ToString("N")[..6];
        var product = await (await head.PostAsJsonAsync("/api/products", new { code = "F-" + Guid.NewGuid().ToString("N")[..8], name = "专项产品", brand, unit = "套", listPrice = 100m }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        object Focus(string dimension, string value, string metric, decimal target, Guid? id = null, string? version = null) =>
            new { id, version, dimension, value, metric, minimum = target * 0.8m, target, challenge = target * 1.2m };

        // Who may, and bad input on its fields.
        await (await am1.PutAsJsonAsync($"/api/targets/focus?period={Month}", Focus("Brand", brand, "Ordered", 10_000m))).Problem(HttpStatusCode.Forbidden);
        var bad = await (await head.PutAsJsonAsync($"/api/targets/focus?period={Month}", Focus("Brand", "没有的品牌", "Collected", -1m))).Problem(HttpStatusCode.BadRequest);
        Assert.Superset(new HashSet<string> { "metric", "value", "minimum" }, bad["errors"]!.AsObject().Select(e => e.Key).ToHashSet());
        await (await head.PutAsJsonAsync($"/api/targets/focus?period={Month[..4]}", Focus("Brand", brand, "Ordered", 10_000m))).Problem(HttpStatusCode.BadRequest);

        var board = await (await head.PutAsJsonAsync($"/api/targets/focus?period={Month}", Focus("Brand", brand, "Ordered", 10_000m))).Ok<JsonObject>();
        var item = Item(board, "Brand", brand, "Ordered")!;
        Assert.Equal(0m, (decimal)item["actual"]!);
        await (await head.PutAsJsonAsync($"/api/targets/focus?period={Month}", Focus("Brand", brand, "Ordered", 5_000m))).Problem(HttpStatusCode.BadRequest); // once a month
        var category = await (await head.PutAsJsonAsync($"/api/targets/focus?period={Month}", Focus("Category", "Government", "Collected", 50_000m))).Ok<JsonObject>();
        var collectedBefore = (decimal)Item(category, "Category", "Government", "Collected")!["actual"]!;

        // An order of the brand confirmed this month, and a payment from a government account.
        var accountId = Guid.Parse((string)(await Accounts.Create(am1, new { category = "Government" }))["id"]!);
        await app.Change(async db =>
        {
            var owner = (await db.Unscoped<Account>().AsNoTracking().FirstAsync(a => a.Id == accountId)).OwnerId;
            var order = new Order { Number = "SO-F-" + Guid.NewGuid().ToString("N")[..10], AccountId = accountId, OwnerId = owner, OrderedOn = Today, PaymentDueOn = Today.AddDays(30), Status = OrderStatus.Confirmed, Total = 1_234.5m };
            order.Lines.Add(new OrderLine { LineNo = 1, ProductId = Guid.Parse((string)product["id"]!), ProductCode = "F", ProductName = "专项产品", Unit = "套", Quantity = 1, UnitPrice = 1_234.5m, Amount = 1_234.5m });
            db.Unscoped<Order>().Add(order);
        });
        var (_, instalmentId) = await PaymentData.Order(app, accountId, 5_000m, Today.AddDays(20));
        (await am1.PostAsJsonAsync("/api/payments", new { instalmentId, amount = 777.77m, receivedOn = Today, method = "BankTransfer" })).EnsureSuccessStatusCode();

        var after = await (await am1.GetAsync($"/api/targets/focus?period={Month}")).Ok<JsonObject>(); // every role reads the department's
        Assert.False((bool)after["editable"]!);
        item = Item(after, "Brand", brand, "Ordered")!;
        Assert.Equal((1_234.5m, 12.3m), ((decimal)item["actual"]!, (decimal)item["percent"]!));
        Assert.Equal(collectedBefore + 777.77m, (decimal)Item(after, "Category", "Government", "Collected")!["actual"]!);
        Assert.Contains(after["choices"]!.AsArray(), c => (string)c!["dimension"]! == "Brand" && (string)c["value"]! == brand);

        // A change with a stale version gets 409; removing archives it.
        var fresh = Item(await (await head.GetAsync($"/api/targets/focus?period={Month}")).Ok<JsonObject>(), "Brand", brand, "Ordered")!;
        var id = Guid.Parse((string)fresh["id"]!);
        var changed = await (await head.PutAsJsonAsync($"/api/targets/focus?period={Month}", Focus("Brand", brand, "Ordered", 8_000m, id, (string)fresh["version"]!))).Ok<JsonObject>();
        Assert.Equal(8_000m, (decimal)Item(changed, "Brand", brand, "Ordered")!["levels"]!["target"]!);
        await (await head.PutAsJsonAsync($"/api/targets/focus?period={Month}", Focus("Brand", brand, "Ordered", 9_000m, id, (string)fresh["version"]!))).Problem(HttpStatusCode.Conflict);
        var current0 = Item(changed, "Brand", brand, "Ordered")!;
        await (await head.PutAsJsonAsync("/api/targets/focus?period=2001-01", Focus("Brand", brand, "Ordered", 9_000m, id, (string)current0["version"]!))).Problem(HttpStatusCode.NotFound);
        var year = await (await head.GetAsync($"/api/targets/focus?period={Month[..4]}")).Ok<JsonObject>();
        Assert.Equal(8_000m, (decimal)Item(year, "Brand", brand, "Ordered")!["levels"]!["target"]!);
        var current = Item(changed, "Brand", brand, "Ordered")!;
        (await head.PostAsJsonAsync($"/api/targets/focus/{id}/remove", new { version = current["version"] })).EnsureSuccessStatusCode();
        Assert.Null(Item(await (await head.GetAsync($"/api/targets/focus?period={Month}")).Ok<JsonObject>(), "Brand", brand, "Ordered"));
        Assert.NotNull(await app.Read(db => db.Unscoped<TargetFocus>().Where(f => f.Id == id).Select(f => f.ArchivedAt).FirstAsync()));
    }
}
