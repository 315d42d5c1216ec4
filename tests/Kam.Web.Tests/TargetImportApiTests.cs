using System.Net;
using System.Text.Json.Nodes;
using Kam.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Kam.Web.Tests;

/// <summary>A month's breakdown imported from the head's sheet: every bad cell by row and column, nothing saved on any error; the export imports back.</summary>
[Collection(ApiCollection.Name)]
public sealed class TargetImportApiTests(KamFactory app)
{
    // Years of its own (2000–2019; the other target tests break down 2045–2099).
    private static string FutureMonth() => $"{2000 + Random.Shared.Next(20)}-{1 + Random.Shared.Next(12):00}";

    private static Dictionary<string, object?> Row(string period, string metric, string person, object? minimum, object? target, object? challenge) => new()
    {
        [Sheet.Zh("target.period")] = period,
        [Sheet.Zh("target.metric")] = metric,
        [Sheet.Zh("target.person")] = person,
        [Sheet.Zh("target.minimum")] = minimum,
        [Sheet.Zh("target.target")] = target,
        [Sheet.Zh("target.challenge")] = challenge,
    };

    private static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(rows);
        return Uploads.File("目标分解.xlsx", stream.ToArray(), Uploads.Xlsx);
    }

    [Fact]
    public async Task A_sheet_with_bad_cells_is_reported_row_by_row_and_changes_nothing_and_a_good_one_replaces_the_breakdown()
    {
        var (first, second) = (await Users.Create(app, "imp"), await Users.Create(app, "imq"));
        var period = FutureMonth();
        using var head = await app.As("head");
        var bad = new[]
        {
            Row(period, "回款额", "部门目标", 80_000, 100_000, 120_000),
            Row(period, "回款额", first, 40_000, 50_000, 60_000),
            Row(period, "回款额", second, 60_000, 40_000, 60_000),      // row 4: 保底 above 目标
            Row(period, "回款额", "没有这个人", 1, 1, 1),              // row 5: unknown person
            Row("2001-01", "拜访次数", first, "abc", 10, 12),          // row 6: period and a level
            Row(period, "不是指标", first, 1, 1, 1),                   // row 7: metric
            Row(period, "新增商机金额", "部门目标", 100, 200, 300),    // row 8: people add up to 150, not 200
            Row(period, "新增商机金额", first, 50, 150, 200),
            Row(period, "A类客户拜访覆盖率", "部门目标", 80, 90, 100.001),  // row 10: beyond 100%, not rounded into it
            Row(period, "拜访次数", "部门目标", 1e30, 10, 12),               // row 11: more than an amount holds
        };
        var report = await (await head.PostAsync($"/api/targets/import?period={period}", Upload(bad))).Ok<JsonObject>();
        Assert.False((bool)report["applied"]!);
        var errors = report["errors"]!.AsArray().Select(e => ((int)e!["row"]!, (string)e["column"]!)).ToHashSet();
        Assert.Superset(new HashSet<(int, string)>
        {
            (4, Sheet.Zh("target.minimum")), (5, Sheet.Zh("target.person")), (6, Sheet.Zh("target.period")), (6, Sheet.Zh("target.minimum")),
            (7, Sheet.Zh("target.metric")), (8, Sheet.Zh("target.target")), (10, Sheet.Zh("target.challenge")), (11, Sheet.Zh("target.minimum")),
        }, errors);
        Assert.Contains("差额", report["errors"]!.AsArray().Single(e => (int)e!["row"]! == 8)!["message"]!.ToString());
        Assert.NotNull((string?)report["reportUrl"]);
        var untouched = await (await head.GetAsync($"/api/targets?period={period}")).Ok<JsonObject>();
        Assert.All(untouched["sheets"]!.AsArray(), s => Assert.Null(s!["version"]));

        var good = new[]
        {
            Row(period, "回款额", "部门目标", 80_000, 100_000, 120_000),
            Row(period, "回款额", first, 40_000, 50_000, 60_000),
            Row(period, "Collected", second, "4万", 50_000, 60_000),
            Row(period, "拜访次数", "部门目标", 16, 20, 24),
            Row(period, "拜访次数", second, 16, 20, 24),
        };
        var done = await (await head.PostAsync($"/api/targets/import?period={period}", Upload(good))).Ok<JsonObject>();
        Assert.True((bool)done["applied"]!, done.ToJsonString());
        Assert.Equal(5, (int)done["imported"]!);
        var breakdown = await (await head.GetAsync($"/api/targets?period={period}")).Ok<JsonObject>();
        var collected = breakdown["sheets"]!.AsArray().Single(s => (string)s!["metric"]! == "Collected")!;
        Assert.Equal(100_000m, (decimal)collected["department"]!["target"]!);
        Assert.Equal(2, collected["people"]!.AsArray().Count(p => (decimal)p!["levels"]!["target"]! == 50_000m));
        Assert.Equal(20m, (decimal)breakdown["sheets"]!.AsArray().Single(s => (string)s!["metric"]! == "Visits")!["department"]!["target"]!);

        // The export imports back as it is.
        var exported = await head.GetAsync($"/api/targets/breakdown/export?period={period}");
        exported.EnsureSuccessStatusCode();
        var again = await (await head.PostAsync($"/api/targets/import?period={period}",
            Uploads.File("导出.xlsx", await exported.Content.ReadAsByteArrayAsync(), Uploads.Xlsx))).Ok<JsonObject>();
        Assert.True((bool)again["applied"]!, again.ToJsonString());

        using var am = await app.As("am1");
        await (await am.PostAsync($"/api/targets/import?period={period}", Upload(good))).Problem(HttpStatusCode.Forbidden);
        await (await head.PostAsync($"/api/targets/import?period={period[..4]}", Upload(good))).Problem(HttpStatusCode.BadRequest);
    }
}
