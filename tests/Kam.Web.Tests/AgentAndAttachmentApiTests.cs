using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class AgentAndAttachmentApiTests(KamFactory app)
{
    [Fact]
    public async Task The_assistant_keeps_channel_agents_that_everyone_finds_but_only_within_their_scope()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        using var assistant = await app.As("assistant");
        var name = "华南渠道" + Guid.NewGuid().ToString("N")[..6];
        var bad = await assistant.PostAsJsonAsync("/api/channel-agents", new { name = "", territory = new[] { "99" }, agreementStart = "2026-12-01", agreementEnd = "2026-01-01" });
        var errors = (await bad.Problem(HttpStatusCode.BadRequest))["errors"]!;
        Assert.NotNull(errors["name"]);
        Assert.NotNull(errors["territory"]);
        Assert.NotNull(errors["agreementEnd"]);

        var created = await assistant.PostAsJsonAsync("/api/channel-agents", new
        {
            name,
            territory = new[] { "44", "4401" },
            agreementNo = "QD-2026-01",
            agreementStart = "2026-01-01",
            agreementEnd = "2027-12-31",
            contactPerson = "钱七",
            accountIds = new[] { (string)account["id"]! },
        });
        var agent = await created.Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);
        Assert.Equal("广东省、广州市", (string?)agent["territoryNames"]);

        await (await am1.PostAsJsonAsync("/api/channel-agents", new { name = "越权" })).Problem(HttpStatusCode.Forbidden);
        var seenByAm1 = await (await am1.GetAsync($"/api/channel-agents?search={Uri.EscapeDataString(name)}")).ReadJson();
        Assert.Single(seenByAm1["items"]![0]!["accounts"]!.AsArray());
        using var am2 = await app.As("am2");
        var seenByAm2 = await (await am2.GetAsync($"/api/channel-agents?territory=44&search={Uri.EscapeDataString(name)}")).ReadJson();
        Assert.Empty(seenByAm2["items"]![0]!["accounts"]!.AsArray());
    }

    [Fact]
    public async Task Documents_upload_with_type_and_size_rules_and_download_only_for_those_who_see_the_account()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;

        var exe = await am1.PostAsync($"/api/accounts/{id}/attachments", Uploads.File("virus.exe", [1, 2, 3]));
        Assert.NotNull((await exe.Problem(HttpStatusCode.BadRequest))["errors"]!["file"]);

        var pdf = "%PDF-1.4 营业执照"u8.ToArray();
        var uploaded = await am1.PostAsync($"/api/accounts/{id}/attachments?kind=BusinessLicence", Uploads.File("营业执照.pdf", pdf));
        var attachmentId = (string)(await uploaded.Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created))["id"]!;
        var list = await (await am1.GetAsync($"/api/accounts/{id}/attachments")).ReadJson();
        Assert.Equal("营业执照.pdf", (string?)list[0]!["fileName"]);

        var download = await am1.GetAsync($"/api/attachments/{attachmentId}");
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        using var am2 = await app.As("am2");
        await (await am2.GetAsync($"/api/attachments/{attachmentId}")).Problem(HttpStatusCode.NotFound);
        var history = await (await am1.GetAsync($"/api/accounts/{id}/history")).ReadJson();
        Assert.Contains(history["items"]!.AsArray(), e => (string?)e!["entityType"] == "Attachment");
    }

    [Fact]
    public async Task An_upload_is_what_its_extension_says_is_served_as_that_type_and_its_name_is_cleaned()
    {
        using var am1 = await app.As("am1");
        var id = (string)(await Accounts.Create(am1))["id"]!;

        // An executable renamed .pdf or .docx is refused beside the file, and nothing is stored.
        var exe = "MZ\u0090\0\u0003\0\0\0"u8.ToArray();
        foreach (var name in new[] { "合同.pdf", "报价.docx" })
        {
            var refused = await (await am1.PostAsync($"/api/accounts/{id}/attachments", Uploads.File(name, exe, "application/pdf"))).Problem(HttpStatusCode.BadRequest);
            Assert.Contains("不符", (string?)refused["errors"]!["file"]![0]);
        }
        var empty = await (await am1.PostAsync($"/api/accounts/{id}/attachments", Uploads.File("空.pdf", []))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("文件是空的", (string?)empty["errors"]!["file"]![0]);
        Assert.Empty((await (await am1.GetAsync($"/api/accounts/{id}/attachments")).ReadJson()).AsArray());

        // A real PNG sent as text/html, with folders and a right-to-left mark in its name.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
        var uploaded = await am1.PostAsync($"/api/accounts/{id}/attachments", Uploads.File("..\\..\\照片\u202Egnp.png", png, "text/html"));
        var attachmentId = (string)(await uploaded.Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created))["id"]!;
        var row = (await (await am1.GetAsync($"/api/accounts/{id}/attachments")).ReadJson())[0]!;
        Assert.Equal("照片gnp.png", (string?)row["fileName"]);
        var download = await am1.GetAsync($"/api/attachments/{attachmentId}");
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await download.Content.ReadAsByteArrayAsync());
    }
}
