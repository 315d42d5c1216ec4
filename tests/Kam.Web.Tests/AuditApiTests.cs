using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuditApiTests(KamFactory app)
{
    [Fact]
    public async Task Every_change_is_in_the_trail_with_who_field_old_and_new()
    {
        var userName = await Users.Create(app, "audited");
        using var admin = await app.As("admin");
        var id = await Users.IdOf(admin, userName);
        var version = (string)(await Users.Get(admin, id))["version"]!;
        var update = await admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "改过的名字", region = "东北", roles = new[] { "AccountManager" }, version });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        using var head = await app.As("head");
        var trail = await (await head.GetAsync($"/api/audit?entityType=User&entityId={id}")).ReadJson();
        var entries = trail["items"]!.AsArray();
        Assert.Contains(entries, e => (string?)e!["action"] == "Insert" && (string?)e["userName"] == "admin");
        var change = entries.Single(e => (string?)e!["action"] == "Update" && e["changes"]!.AsArray().Any(c => (string?)c!["field"] == "DisplayName"));
        var displayName = change!["changes"]!.AsArray().Single(c => (string?)c!["field"] == "DisplayName")!;
        Assert.Equal("测试audited", (string?)displayName["old"]);
        Assert.Equal("改过的名字", (string?)displayName["new"]);
        Assert.Equal("admin", (string?)change["userName"]);
    }

    [Fact]
    public async Task Secrets_never_reach_the_trail()
    {
        using var admin = await app.As("admin");
        var page = await (await admin.GetAsync("/api/audit?entityType=User&pageSize=200")).ReadJson();
        var fields = page["items"]!.AsArray().SelectMany(e => e!["changes"]!.AsArray()).Select(c => (string?)c!["field"]).ToHashSet();
        Assert.Contains("UserName", fields);
        Assert.DoesNotContain("PasswordHash", fields);
        Assert.DoesNotContain("SecurityStamp", fields);
    }

    [Fact]
    public async Task Trail_filters_by_user_and_time()
    {
        using var admin = await app.As("admin");
        var since = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Users.Create(app, "filt");
        var byAdmin = await (await admin.GetAsync($"/api/audit?userName=admin&from={Uri.EscapeDataString(since.ToString("O"))}")).ReadJson();
        Assert.NotEmpty(byAdmin["items"]!.AsArray());
        Assert.All(byAdmin["items"]!.AsArray(), e => Assert.Equal("admin", (string?)e!["userName"]));

        var future = await (await admin.GetAsync($"/api/audit?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}")).ReadJson();
        Assert.Equal(0, (int)future["total"]!);
    }

    [Theory]
    [InlineData("am1")]
    [InlineData("assistant")]
    public async Task Only_head_executive_and_admin_read_the_trail(string userName)
    {
        using var client = await app.As(userName);
        await (await client.GetAsync("/api/audit")).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_admin_reads_the_audit_of_users_and_settings_but_never_of_business_records()
    {
        using var head = await app.As("head");
        var account = await Accounts.Create(head);
        var id = (string)account["id"]!;

        using var exec = await app.As("exec");
        var seen = (await (await exec.GetAsync($"/api/audit?entityType=Account&entityId={id}")).ReadJson())["items"]!.AsArray();
        Assert.NotEmpty(seen);

        using var admin = await app.As("admin");
        var hidden = await (await admin.GetAsync($"/api/audit?entityType=Account&entityId={id}")).ReadJson();
        Assert.Equal(0, (int)hidden["total"]!);
        var all = (await (await admin.GetAsync("/api/audit?pageSize=200")).ReadJson())["items"]!.AsArray();
        Assert.NotEmpty(all);
        Assert.All(all, e => Assert.Contains((string)e!["entityType"]!, new[] { "User", "Setting", "Role" }));
        Assert.DoesNotContain((string)account["name"]!, all.ToJsonString(), StringComparison.Ordinal);
    }
}
