using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class ContactApiTests(KamFactory app)
{
    [Fact]
    public async Task Contacts_are_validated_listed_and_found_by_name_and_mobile()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;

        var bad = await am1.PostAsJsonAsync($"/api/accounts/{id}/contacts", new { name = "", mobile = "12345", strength = 9 });
        var errors = (await bad.Problem(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("请输入联系人姓名", (string?)errors["name"]![0]);
        Assert.Equal("手机号格式不正确（应为 11 位中国大陆手机号）", (string?)errors["mobile"]![0]);
        Assert.NotNull(errors["strength"]);

        var boss = await (await am1.PostAsJsonAsync($"/api/accounts/{id}/contacts",
            new { name = "欧阳锋", title = "总经理", mobile = "+86 139-1234-5678", decisionRole = "DecisionMaker", attitude = "Supportive", strength = 4 }))
            .Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);
        Assert.Equal("13912345678", (string?)boss["mobile"]);
        var buyer = await (await am1.PostAsJsonAsync($"/api/accounts/{id}/contacts",
            new { name = "黄药师", title = "采购经理", mobile = "13800138000", decisionRole = "Influencer", attitude = "Opposed", reportsToId = (string)boss["id"]! }))
            .Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);

        var list = await (await am1.GetAsync($"/api/accounts/{id}/contacts")).ReadJson();
        Assert.Equal(2, list.AsArray().Count);
        Assert.Equal((string?)boss["id"], (string?)list.AsArray().Single(c => (string?)c!["name"] == "黄药师")!["reportsToId"]);

        foreach (var fragment in new[] { "药师", "0013800" })
        {
            var found = await (await am1.GetAsync($"/api/accounts?search={Uri.EscapeDataString(fragment)}")).ReadJson();
            Assert.Contains(found["items"]!.AsArray(), a => (string?)a!["id"] == id);
        }

        // Nobody may report to someone who reports to them.
        var loop = await am1.PutAsJsonAsync($"/api/contacts/{boss["id"]}", new { name = "欧阳锋", reportsToId = (string)buyer["id"]!, version = (string)boss["version"]! });
        Assert.NotNull((await loop.Problem(HttpStatusCode.BadRequest))["errors"]!["reportsToId"]);
    }

    [Fact]
    public async Task Mobiles_are_masked_for_roles_that_need_not_see_them()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;
        await am1.PostAsJsonAsync($"/api/accounts/{id}/contacts", new { name = "郭靖", mobile = "13800138000" });

        using var exec = await app.As("exec");
        var seenByExec = (await (await exec.GetAsync($"/api/accounts/{id}/contacts")).ReadJson()).AsArray().Single()!;
        Assert.Equal("138****8000", (string?)seenByExec["mobile"]);
        Assert.True((bool)seenByExec["mobileMasked"]!);

        using var assistant = await app.As("assistant");
        Assert.Equal("13800138000", (string?)(await (await assistant.GetAsync($"/api/accounts/{id}/contacts")).ReadJson()).AsArray().Single()!["mobile"]);
    }

    [Fact]
    public async Task A_stale_contact_edit_is_refused_and_an_archived_contact_leaves_the_list()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;
        var contact = await (await am1.PostAsJsonAsync($"/api/accounts/{id}/contacts", new { name = "杨过" })).Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);
        var cid = (string)contact["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await am1.PutAsJsonAsync($"/api/contacts/{cid}", new { name = "杨过", title = "总监", version = (string)contact["version"]! })).StatusCode);
        await (await am1.PutAsJsonAsync($"/api/contacts/{cid}", new { name = "杨过", title = "经理", version = (string)contact["version"]! })).Problem(HttpStatusCode.Conflict);

        using var am2 = await app.As("am2");
        await (await am2.PostAsync($"/api/contacts/{cid}/archive", null)).Problem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NoContent, (await am1.PostAsync($"/api/contacts/{cid}/archive", null)).StatusCode);
        Assert.Empty((await (await am1.GetAsync($"/api/accounts/{id}/contacts")).ReadJson()).AsArray());
    }
}

[Collection(ApiCollection.Name)]
public sealed class TimelineApiTests(KamFactory app)
{
    [Fact]
    public async Task The_account_timeline_shows_what_happened_to_it_and_only_to_those_who_see_it()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;
        await am1.PostAsJsonAsync($"/api/accounts/{id}/contacts", new { name = "洪七公" });

        var events = (await (await am1.GetAsync($"/api/accounts/{id}/timeline")).ReadJson()).AsArray();
        Assert.Equal("timeline.contact_added", (string?)events[0]!["kind"]);
        Assert.Equal("洪七公", (string?)events[0]!["subject"]);
        Assert.Contains(events, e => (string?)e!["kind"] == "timeline.account_created" && (string?)e["who"] == "am1");

        using var am2 = await app.As("am2");
        await (await am2.GetAsync($"/api/accounts/{id}/timeline")).Problem(HttpStatusCode.NotFound);
    }
}
