using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class AccountApiTests(KamFactory app)
{
    [Fact]
    public async Task An_account_manager_creates_an_account_that_another_manager_cannot_open_find_or_guess()
    {
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var name = Accounts.UniqueName("保密");
        var created = await Accounts.Create(am1, name: name);
        var id = (string)created["id"]!;
        Assert.Equal("张伟", (string?)created["owner"]!["displayName"]);

        await (await am2.GetAsync($"/api/accounts/{id}")).Problem(HttpStatusCode.NotFound);
        await (await am2.GetAsync($"/api/accounts/{id}/contacts")).Problem(HttpStatusCode.NotFound);
        await (await am2.GetAsync($"/api/accounts/{id}/history")).Problem(HttpStatusCode.NotFound);
        var search = await (await am2.GetAsync($"/api/accounts?search={Uri.EscapeDataString(name[..6])}")).ReadJson();
        Assert.DoesNotContain(search["items"]!.AsArray(), a => (string?)a!["id"] == id);
        var edit = await am2.PutAsJsonAsync($"/api/accounts/{id}", new { name = "抢走", category = "Dealer", version = (string)created["version"]! });
        await edit.Problem(HttpStatusCode.NotFound);

        using var head = await app.As("head");
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync($"/api/accounts/{id}")).StatusCode);
        using var assistant = await app.As("assistant");
        Assert.Equal(HttpStatusCode.OK, (await assistant.GetAsync($"/api/accounts/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_list_of_an_account_manager_holds_only_their_book()
    {
        using var am1 = await app.As("am1");
        var me = await (await am1.GetAsync("/api/me")).ReadJson();
        var page = await (await am1.GetAsync("/api/accounts?pageSize=200")).ReadJson();
        Assert.True((int)page["total"]! > 0);
        foreach (var item in page["items"]!.AsArray().Where(a => (string?)a!["ownerId"] != (string?)me["id"]))
        {
            // Not the owner: then on the team.
            var detail = await (await am1.GetAsync($"/api/accounts/{item!["id"]}")).ReadJson();
            Assert.Contains(detail["members"]!.AsArray(), m => (string?)m!["id"] == (string?)me["id"]);
        }

        using var head = await app.As("head");
        var all = await (await head.GetAsync("/api/accounts?pageSize=1")).ReadJson();
        Assert.True((int)all["total"]! > (int)page["total"]!);
    }

    [Fact]
    public async Task Credit_codes_are_checked_and_only_the_head_may_accept_a_failing_one_with_a_reason()
    {
        using var am1 = await app.As("am1");
        var bad = await am1.PostAsJsonAsync("/api/accounts", new { name = Accounts.UniqueName(), category = "Enterprise", creditCode = "91350200M000000510" });
        var problem = await bad.Problem(HttpStatusCode.BadRequest);
        Assert.Contains("校验位", (string?)problem["errors"]!["creditCode"]![0]);
        Assert.Contains("D", (string?)problem["errors"]!["creditCode"]![0]);

        var shape = await am1.PostAsJsonAsync("/api/accounts", new { name = Accounts.UniqueName(), category = "Enterprise", creditCode = "91350100M00010" });
        Assert.NotNull((await shape.Problem(HttpStatusCode.BadRequest))["errors"]!["creditCode"]);

        Assert.Equal(HttpStatusCode.Created, (await am1.PostAsJsonAsync("/api/accounts",
            new { name = Accounts.UniqueName(), category = "Enterprise", creditCode = "91350100M000100Y43" })).StatusCode);

        using var head = await app.As("head");
        var noReason = await head.PostAsJsonAsync("/api/accounts", new { name = Accounts.UniqueName(), category = "Enterprise", creditCode = "91350200M000000510" });
        Assert.NotNull((await noReason.Problem(HttpStatusCode.BadRequest))["errors"]!["creditCodeNote"]);
        var accepted = await head.PostAsJsonAsync("/api/accounts", new
        {
            name = Accounts.UniqueName(),
            category = "Enterprise",
            creditCode = "91350200M000000510",
            creditCodeNote = "营业执照原件如此，已核实",
        });
        Assert.Equal("营业执照原件如此，已核实", (string?)(await accepted.Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created))["creditCodeNote"]);
    }

    [Fact]
    public async Task A_duplicate_name_or_credit_code_is_refused_naming_the_existing_account_only_to_those_who_may_see_it()
    {
        using var am1 = await app.As("am1");
        var stem = "重名" + Guid.NewGuid().ToString("N")[..6];
        var original = await Accounts.Create(am1, name: stem + "家居有限公司");

        var sameName = await am1.PostAsJsonAsync("/api/accounts", new { name = stem + "家居 有限责任公司", category = "Dealer" });
        var visible = (string?)(await sameName.Problem(HttpStatusCode.BadRequest))["errors"]!["name"]![0];
        Assert.Contains(stem + "家居有限公司", visible);

        using var am2 = await app.As("am2");
        var hidden = await am2.PostAsJsonAsync("/api/accounts", new { name = stem + "家居有限公司", category = "Dealer" });
        var message = (string?)(await hidden.Problem(HttpStatusCode.BadRequest))["errors"]!["name"]![0];
        Assert.DoesNotContain(stem, message);
        Assert.Contains("张伟", message);

        var sameCode = await am2.PostAsJsonAsync("/api/accounts", new { name = Accounts.UniqueName(), category = "Dealer", creditCode = (string)original["creditCode"]! });
        Assert.NotNull((await sameCode.Problem(HttpStatusCode.BadRequest))["errors"]!["creditCode"]);
    }

    [Fact]
    public async Task Bad_input_names_every_bad_field_and_creates_nothing()
    {
        using var am1 = await app.As("am1");
        var before = (int)(await (await am1.GetAsync("/api/accounts?pageSize=1")).ReadJson())["total"]!;
        var response = await am1.PostAsJsonAsync("/api/accounts", new { name = "", provinceCode = "99", cityCode = "3101", annualPurchase = -5, tags = new[] { "一个非常非常非常非常非常非常长的标签名称超过二十个字" } });
        var errors = (await response.Problem(HttpStatusCode.BadRequest))["errors"]!;
        Assert.Equal("请输入客户名称", (string?)errors["name"]![0]);
        Assert.NotNull(errors["category"]);
        Assert.NotNull(errors["provinceCode"]);
        Assert.NotNull(errors["cityCode"]);
        Assert.NotNull(errors["annualPurchase"]);
        Assert.NotNull(errors["tags"]);
        Assert.Equal(before, (int)(await (await am1.GetAsync("/api/accounts?pageSize=1")).ReadJson())["total"]!);
    }

    [Fact]
    public async Task A_stale_save_is_refused_with_409()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;
        var version = (string)account["version"]!;
        var first = await am1.PutAsJsonAsync($"/api/accounts/{id}", new { name = (string)account["name"]!, category = "Dealer", industry = "第一次", version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await am1.PutAsJsonAsync($"/api/accounts/{id}", new { name = (string)account["name"]!, category = "Dealer", industry = "第二次", version });
        await second.Problem(HttpStatusCode.Conflict);
        Assert.Equal("第一次", (string?)(await (await am1.GetAsync($"/api/accounts/{id}")).ReadJson())["industry"]);
    }

    [Fact]
    public async Task Only_the_head_archives_and_archived_accounts_leave_the_default_list_until_restored()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;
        await (await am1.PostAsync($"/api/accounts/{id}/archive", null)).Problem(HttpStatusCode.Forbidden);

        using var head = await app.As("head");
        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsync($"/api/accounts/{id}/archive", null)).StatusCode);
        var active = await (await am1.GetAsync($"/api/accounts?search={Uri.EscapeDataString((string)account["name"]!)}")).ReadJson();
        Assert.Equal(0, (int)active["total"]!);
        var archived = await (await am1.GetAsync($"/api/accounts?archived=true&search={Uri.EscapeDataString((string)account["name"]!)}")).ReadJson();
        Assert.Equal(1, (int)archived["total"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await head.PostAsync($"/api/accounts/{id}/restore", null)).StatusCode);
        Assert.False((bool)(await (await am1.GetAsync($"/api/accounts/{id}")).ReadJson())["archived"]!);
    }

    [Fact]
    public async Task The_executive_reads_everything_and_changes_nothing_and_the_admin_sees_no_accounts()
    {
        using var exec = await app.As("exec");
        Assert.True((int)(await (await exec.GetAsync("/api/accounts?pageSize=1")).ReadJson())["total"]! > 0);
        var create = await exec.PostAsJsonAsync("/api/accounts", new { name = Accounts.UniqueName(), category = "Dealer" });
        await create.Problem(HttpStatusCode.Forbidden);

        using var admin = await app.As("admin");
        await (await admin.GetAsync("/api/accounts")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tiers_follow_the_rules_and_the_head_overrides_with_a_reason()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1, new { annualPurchase = 6_000_000m });
        Assert.Equal("A", (string?)account["tier"]);
        Assert.Equal("purchase>=5000000", (string?)account["tierRule"]);
        var id = (string)account["id"]!;
        await (await am1.PutAsJsonAsync($"/api/accounts/{id}/tier", new { tier = "C", reason = "x", version = (string)account["version"]! })).Problem(HttpStatusCode.Forbidden);

        using var head = await app.As("head");
        var noReason = await head.PutAsJsonAsync($"/api/accounts/{id}/tier", new { tier = "B", version = (string)account["version"]! });
        Assert.NotNull((await noReason.Problem(HttpStatusCode.BadRequest))["errors"]!["reason"]);
        var ok = await head.PutAsJsonAsync($"/api/accounts/{id}/tier", new { tier = "B", reason = "回款风险，暂降一级", version = (string)account["version"]! });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        var after = await (await head.GetAsync($"/api/accounts/{id}")).ReadJson();
        Assert.Equal("B", (string?)after["tier"]);
        Assert.Equal("A", (string?)after["computedTier"]);
        Assert.Equal("回款风险，暂降一级", (string?)after["tierOverrideReason"]);
        var history = await (await head.GetAsync($"/api/accounts/{id}/history")).ReadJson();
        Assert.Contains(history["items"]!.AsArray(), e => e!["changes"]!.AsArray().Any(c => (string?)c!["field"] == "TierOverride" && (string?)c["new"] == "B"));
    }

    [Fact]
    public async Task The_head_adds_a_team_member_who_then_sees_the_account()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var id = (string)account["id"]!;
        using var am2 = await app.As("am2");
        await (await am2.GetAsync($"/api/accounts/{id}")).Problem(HttpStatusCode.NotFound);

        using var head = await app.As("head");
        var am2Id = (string)(await (await am2.GetAsync("/api/me")).ReadJson())["id"]!;
        var team = await head.PutAsJsonAsync($"/api/accounts/{id}/team", new { ownerId = (string)account["owner"]!["id"]!, memberIds = new[] { am2Id }, version = (string)account["version"]! });
        Assert.Equal(HttpStatusCode.NoContent, team.StatusCode);
        var seen = await (await am2.GetAsync($"/api/accounts/{id}")).ReadJson();
        Assert.Contains(seen["members"]!.AsArray(), m => (string?)m!["displayName"] == "刘洋");
        await (await am1.PutAsJsonAsync($"/api/accounts/{id}/team", new { ownerId = am2Id, memberIds = Array.Empty<string>(), version = (string)seen["version"]! })).Problem(HttpStatusCode.Forbidden);
    }
}
