using System.Net;
using Kam.Core.Accounts;
using Kam.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class ImportExportApiTests(KamFactory app)
{
    [Fact]
    public async Task An_account_managers_export_holds_only_their_book_and_is_logged()
    {
        using var am1 = await app.As("am1");
        var visible = (int)(await (await am1.GetAsync("/api/accounts?pageSize=1")).ReadJson())["total"]!;
        var response = await am1.GetAsync("/api/accounts/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(visible, rows.Count);
        using var head = await app.As("head");
        var all = (int)(await (await head.GetAsync("/api/accounts?pageSize=1")).ReadJson())["total"]!;
        Assert.True(all > rows.Count);
        Assert.Contains(Sheet.Zh(AccountSheet.CreditCode), rows[0].Keys);

        var log = await (await head.GetAsync("/api/exports")).ReadJson();
        Assert.Contains(log["items"]!.AsArray(), e => (string?)e!["userName"] == "am1" && (int)e["rows"]! == rows.Count);
        await (await am1.GetAsync("/api/exports")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Export_follows_the_list_filters()
    {
        using var head = await app.As("head");
        var dealers = (int)(await (await head.GetAsync("/api/accounts?category=Dealer&pageSize=1")).ReadJson())["total"]!;
        using var stream = new MemoryStream(await (await head.GetAsync("/api/accounts/export?category=Dealer")).Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(dealers, rows.Count);
        Assert.All(rows, r => Assert.Equal("体系内经销商", r[Sheet.Zh(AccountSheet.Category)]));
    }

    [Fact]
    public async Task An_import_with_a_bad_row_imports_nothing_or_the_good_rows_as_chosen_and_reports_each_bad_cell()
    {
        var good = Accounts.UniqueName("导入好");
        var rows = new[]
        {
            Row(good, Accounts.NewCreditCode(), "经销商", "广东省", "广州市", "am1"),
            Row(Accounts.UniqueName("导入坏"), "91350200M000000510", "经销商", "广东省", "广州市", "am1"),
            Row(Accounts.UniqueName("导入坏"), Accounts.NewCreditCode(), "外星人", "火星", "", "nobody"),
        };
        using var assistant = await app.As("assistant");

        var all = await (await assistant.PostAsync("/api/accounts/import?mode=AllOrNothing", Upload(rows))).Ok<System.Text.Json.Nodes.JsonObject>();
        Assert.False((bool)all["applied"]!);
        Assert.Equal(0, (int)all["imported"]!);
        Assert.Equal(2, (int)all["failed"]!);
        var errors = all["errors"]!.AsArray();
        Assert.Contains(errors, e => (int)e!["row"]! == 3 && (string?)e["column"] == Sheet.Zh(AccountSheet.CreditCode) && ((string?)e["message"])!.Contains('D'));
        Assert.Contains(errors, e => (int)e!["row"]! == 4 && (string?)e["column"] == Sheet.Zh(AccountSheet.Category));
        Assert.Contains(errors, e => (int)e!["row"]! == 4 && (string?)e["column"] == Sheet.Zh(AccountSheet.Province));
        Assert.Contains(errors, e => (int)e!["row"]! == 4 && (string?)e["column"] == Sheet.Zh(AccountSheet.Owner));
        Assert.Equal(0, (int)(await (await assistant.GetAsync($"/api/accounts?search={Uri.EscapeDataString(good)}")).ReadJson())["total"]!);

        var report = await assistant.GetAsync((string)all["reportUrl"]!);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        using var reportStream = new MemoryStream(await report.Content.ReadAsByteArrayAsync());
        var lines = reportStream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(errors.Count, lines.Count);
        Assert.Contains(lines, l => Convert.ToInt32(l["行号"], System.Globalization.CultureInfo.InvariantCulture) == 3 && (string)l["列"] == Sheet.Zh(AccountSheet.CreditCode));

        var partial = await (await assistant.PostAsync("/api/accounts/import?mode=good", Upload(rows))).ReadJson();
        Assert.True((bool)partial["applied"]!);
        Assert.Equal(1, (int)partial["imported"]!);
        Assert.Equal(3, (int)partial["total"]!);
        var imported = await (await assistant.GetAsync($"/api/accounts?search={Uri.EscapeDataString(good)}")).ReadJson();
        Assert.Equal("张伟", (string?)imported["items"]![0]!["ownerName"]);

        // The same file again: the good row is now a duplicate of the archive.
        var again = await (await assistant.PostAsync("/api/accounts/import?mode=good", Upload(rows))).ReadJson();
        Assert.Equal(0, (int)again["imported"]!);
        Assert.Contains(again["errors"]!.AsArray(), e => (int)e!["row"]! == 2 && ((string?)e["message"])!.Contains("已有"));
    }

    [Fact]
    public async Task Only_the_back_office_imports_and_a_file_that_is_not_a_sheet_is_refused()
    {
        using var am1 = await app.As("am1");
        await (await am1.PostAsync("/api/accounts/import", Upload([Row(Accounts.UniqueName(), null, "经销商", "广东省", "广州市", "am1")]))).Problem(HttpStatusCode.Forbidden);

        using var assistant = await app.As("assistant");
        using var junk = Uploads.File("junk.xlsx", "not a spreadsheet"u8.ToArray(), Uploads.Xlsx);
        var problem = await (await assistant.PostAsync("/api/accounts/import", junk)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["file"]);

        var template = await assistant.GetAsync("/api/accounts/import-template");
        using var stream = new MemoryStream(await template.Content.ReadAsByteArrayAsync());
        Assert.Equal(AccountSheet.ImportColumns.Select(Sheet.Zh), stream.GetColumns(useHeaderRow: true).ToArray());
    }

    [Fact]
    public async Task An_english_user_gets_english_headers_and_reports_and_a_sheet_in_either_language_imports()
    {
        using var assistant = await app.As("assistant", "en-US");
        using var template = new MemoryStream(await (await assistant.GetAsync("/api/accounts/import-template")).Content.ReadAsByteArrayAsync());
        Assert.Equal(AccountSheet.ImportColumns.Select(Sheet.En), template.GetColumns(useHeaderRow: true).ToArray());

        var name = Accounts.UniqueName("英文表头");
        Dictionary<string, object?> English(string account, string category) => new()
        {
            [Sheet.En(AccountSheet.Name)] = account,
            [Sheet.En(AccountSheet.Category)] = category,
            [Sheet.En(AccountSheet.Province)] = "广东省",
            [Sheet.En(AccountSheet.City)] = "广州市",
            [Sheet.En(AccountSheet.Status)] = "Active",
            [Sheet.En(AccountSheet.Owner)] = "am1",
        };
        var refused = await (await assistant.PostAsync("/api/accounts/import?mode=AllOrNothing",
            Upload([English(name, "Dealer (in channel)"), English(Accounts.UniqueName("英文表头"), "Martian")]))).Ok<System.Text.Json.Nodes.JsonObject>();
        var error = Assert.Single(refused["errors"]!.AsArray())!;
        Assert.Equal((3, Sheet.En(AccountSheet.Category)), ((int)error["row"]!, (string?)error["column"]));

        var imported = await (await assistant.PostAsync("/api/accounts/import?mode=AllOrNothing", Upload([English(name, "Dealer (in channel)")]))).Ok<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal(1, (int)imported["imported"]!);
        var found = (await (await assistant.GetAsync($"/api/accounts?search={Uri.EscapeDataString(name)}")).ReadJson())["items"]![0]!;
        Assert.Equal(("Dealer", "Active"), ((string?)found["category"], (string?)found["status"]));

        using var export = new MemoryStream(await (await assistant.GetAsync($"/api/accounts/export?search={Uri.EscapeDataString(name)}")).Content.ReadAsByteArrayAsync());
        var row = Assert.Single(export.Query(useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal(("Dealer (in channel)", "Active"), ((string)row[Sheet.En(AccountSheet.Category)], (string)row[Sheet.En(AccountSheet.Status)]));
    }

    private static Dictionary<string, object?> Row(string name, string? code, string category, string province, string city, string owner) => new()
    {
        [Sheet.Zh(AccountSheet.Name)] = name,
        [Sheet.Zh(AccountSheet.CreditCode)] = code,
        [Sheet.Zh(AccountSheet.Category)] = category,
        [Sheet.Zh(AccountSheet.Province)] = province,
        [Sheet.Zh(AccountSheet.City)] = city,
        [Sheet.Zh(AccountSheet.AnnualPurchase)] = 1200000.5,
        [Sheet.Zh(AccountSheet.Status)] = "合作中",
        [Sheet.Zh(AccountSheet.Owner)] = owner,
    };

    private static MultipartFormDataContent Upload(IEnumerable<Dictionary<string, object?>> rows)
    {
        var stream = new MemoryStream();
        stream.SaveAs(rows);
        return Uploads.File("archive.xlsx", stream.ToArray(), Uploads.Xlsx);
    }
}
