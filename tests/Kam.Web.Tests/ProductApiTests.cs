using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Orders;
using Kam.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class ProductApiTests(KamFactory app)
{
    [Fact]
    public async Task The_head_and_the_assistant_keep_the_catalogue_and_everyone_in_business_reads_it()
    {
        var code = "P-" + Guid.NewGuid().ToString("N")[..8];
        using var assistant = await app.As("assistant");
        var created = await (await assistant.PostAsJsonAsync("/api/products", new { code, name = "餐桌", unit = "张", listPrice = 2999.5 }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal(2999.5m, (decimal)created["listPrice"]!);
        Assert.True((bool)created["isActive"]!);

        foreach (var reader in new[] { "am1", "exec" })
        {
            using var client = await app.As(reader);
            var list = await (await client.GetAsync($"/api/products?search={code}")).ReadJson();
            Assert.Equal(1, (int)list["total"]!);
            await (await client.PostAsJsonAsync("/api/products", new { code = code + "x", name = "x", unit = "个", listPrice = 1 })).Problem(HttpStatusCode.Forbidden);
            await (await client.PutAsJsonAsync($"/api/products/{created["id"]}", new { code, name = "y", unit = "个", listPrice = 1, version = created["version"] }))
                .Problem(HttpStatusCode.Forbidden);
        }
        using var admin = await app.As("admin");
        await (await admin.GetAsync("/api/products")).Problem(HttpStatusCode.Forbidden);

        using var head = await app.As("head");
        var duplicate = await (await head.PostAsJsonAsync("/api/products", new { code, name = "另一个", unit = "张", listPrice = 1 })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(duplicate["errors"]!["code"]);
        var invalid = await (await head.PostAsJsonAsync("/api/products", new { code = "", name = "", unit = "", listPrice = -1 })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["code"]);
        Assert.NotNull(invalid["errors"]!["listPrice"]);

        // Deactivated (never deleted): gone from the default list, still there with all=true; a stale version is refused.
        var off = await (await head.PutAsJsonAsync($"/api/products/{created["id"]}", new { code, name = "餐桌", unit = "张", listPrice = 3100, isActive = false, version = created["version"] }))
            .Ok<JsonObject>();
        Assert.False((bool)off["isActive"]!);
        Assert.Equal(0, (int)(await (await head.GetAsync($"/api/products?search={code}")).ReadJson())["total"]!);
        Assert.Equal(1, (int)(await (await head.GetAsync($"/api/products?search={code}&all=true")).ReadJson())["total"]!);
        await (await head.PutAsJsonAsync($"/api/products/{created["id"]}", new { code, name = "旧", unit = "张", listPrice = 1, version = created["version"] }))
            .Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_import_reports_every_bad_cell_by_row_and_column_and_imports_nothing_or_the_good_rows_as_chosen()
    {
        var stem = "IMP-" + Guid.NewGuid().ToString("N")[..6];
        var existing = await Orders.Product(app, 10m, stem + "-OLD");
        var rows = new[]
        {
            Row(stem + "-1", "沙发", "套", 1200),
            Row(stem + "-2", "", "套", 100),
            Row(stem + "-3", "茶几", "", "abc"),
            Row(stem + "-1", "重复", "套", 5),
            Row(stem + "-OLD", "改名", "件", 12.5, "停用"),
        };
        using var assistant = await app.As("assistant");
        var all = await (await assistant.PostAsync("/api/products/import?mode=AllOrNothing", Upload(rows))).Ok<JsonObject>();
        Assert.False((bool)all["applied"]!);
        Assert.Equal(3, (int)all["failed"]!);
        var errors = all["errors"]!.AsArray();
        Assert.Contains(errors, e => (int)e!["row"]! == 3 && (string?)e["column"] == Sheet.Zh(ProductSheet.Name));
        Assert.Contains(errors, e => (int)e!["row"]! == 4 && (string?)e["column"] == Sheet.Zh(ProductSheet.Unit));
        Assert.Contains(errors, e => (int)e!["row"]! == 4 && (string?)e["column"] == Sheet.Zh(ProductSheet.ListPrice));
        Assert.Contains(errors, e => (int)e!["row"]! == 5 && (string?)e["column"] == Sheet.Zh(ProductSheet.Code));
        Assert.NotNull((string?)all["reportUrl"]);
        Assert.Equal(0, (int)(await (await assistant.GetAsync($"/api/products?search={stem}-1")).ReadJson())["total"]!);

        var good = await (await assistant.PostAsync("/api/products/import?mode=GoodRows", Upload(rows))).Ok<JsonObject>();
        Assert.True((bool)good["applied"]!);
        Assert.Equal(2, (int)good["imported"]!);
        var sofa = (await (await assistant.GetAsync($"/api/products?search={stem}-1")).ReadJson())["items"]!.AsArray().Single()!;
        Assert.Equal(1200m, (decimal)sofa["listPrice"]!);
        // An existing code is updated, not duplicated.
        var old = await (await assistant.GetAsync($"/api/products/{existing["id"]}")).ReadJson();
        Assert.Equal("改名", (string?)old["name"]);
        Assert.Equal(12.5m, (decimal)old["listPrice"]!);
        Assert.False((bool)old["isActive"]!);

        using var am1 = await app.As("am1");
        await (await am1.PostAsync("/api/products/import", Upload(rows))).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_catalogue_exports_as_filtered_and_the_export_is_logged()
    {
        var product = await Orders.Product(app, 88m);
        using var am2 = await app.As("am2");
        var response = await am2.GetAsync($"/api/products/export?search={product["code"]}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal((string?)product["code"], Assert.Single(rows)[Sheet.Zh(ProductSheet.Code)]);
        using var head = await app.As("head");
        var log = await (await head.GetAsync("/api/exports?pageSize=200")).ReadJson();
        Assert.Contains(log["items"]!.AsArray(), e => (string?)e!["userName"] == "am2" && (string?)e["kind"] == "products");
    }

    private static Dictionary<string, object?> Row(string code, string name, string unit, object price, string? status = null) => new()
    {
        [Sheet.Zh(ProductSheet.Code)] = code,
        [Sheet.Zh(ProductSheet.Name)] = name,
        [Sheet.Zh(ProductSheet.Brand)] = "欧派",
        [Sheet.Zh(ProductSheet.Series)] = "",
        [Sheet.Zh(ProductSheet.Unit)] = unit,
        [Sheet.Zh(ProductSheet.ListPrice)] = price,
        [Sheet.Zh(ProductSheet.Active)] = status ?? "启用",
    };

    private static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return Uploads.File("products.xlsx", stream.ToArray(), Uploads.Xlsx);
    }
}
