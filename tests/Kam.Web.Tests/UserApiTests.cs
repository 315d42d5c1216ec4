using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class UserApiTests(KamFactory app)
{
    [Fact]
    public async Task Admin_creates_a_user_with_roles_who_can_then_log_in()
    {
        using var admin = await app.As("admin");
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName = "newam1",
            displayName = "周杰",
            password = "Start2026a",
            department = "大客户部",
            region = "华中",
            roles = new[] { "AccountManager", "Assistant" },
        });
        var created = await response.ReadJson();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("周杰", (string?)created["displayName"]);
        Assert.Equal(["AccountManager", "Assistant"], created["roles"]!.AsArray().Select(r => (string)r!).ToArray());

        using var newcomer = await app.WithPassword("newam1", "Start2026a");
        var me = await (await newcomer.GetAsync("/api/me")).ReadJson();
        Assert.Equal("华中", (string?)me["region"]);
    }

    [Fact]
    public async Task Invalid_user_gets_field_errors_and_nothing_is_created()
    {
        using var admin = await app.As("admin");
        var before = (int)(await (await admin.GetAsync("/api/users?pageSize=1")).ReadJson())["total"]!;

        var response = await admin.PostAsJsonAsync("/api/users", new { userName = "a b", displayName = "", password = "short", roles = new[] { "King" } });
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!;
        Assert.Equal("用户名只能包含字母、数字、点、下划线和连字符", (string?)errors["userName"]![0]);
        Assert.Equal("请输入姓名", (string?)errors["displayName"]![0]);
        Assert.Contains("密码至少 8 位", errors["password"]!.AsArray().Select(e => (string?)e));
        Assert.Equal("角色不存在", (string?)errors["roles"]![0]);

        var after = (int)(await (await admin.GetAsync("/api/users?pageSize=1")).ReadJson())["total"]!;
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_taken_user_name_is_refused_on_the_field()
    {
        using var admin = await app.As("admin");
        var response = await admin.PostAsJsonAsync("/api/users", new { userName = "head", displayName = "重复", password = "Start2026a", roles = new[] { "Head" } });
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal("该用户名已被使用", (string?)problem["errors"]!["userName"]![0]);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_409_and_changes_nothing()
    {
        var userName = await Users.Create(app, "stale");
        using var admin = await app.As("admin");
        var id = await Users.IdOf(admin, userName);
        var loaded = await Users.Get(admin, id);
        var version = (string)loaded["version"]!;

        var first = await admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "第一次", roles = new[] { "AccountManager" }, version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "第二次", roles = new[] { "AccountManager" }, version });
        var problem = await second.Problem(HttpStatusCode.Conflict);
        Assert.Equal("该记录已被他人修改，请刷新后重试", (string?)problem["title"]);
        Assert.Equal("第一次", (string?)(await Users.Get(admin, id))["displayName"]);
    }

    [Fact]
    public async Task Admin_resets_a_forgotten_password_and_lifts_a_lockout()
    {
        var userName = await Users.Create(app, "forgot");
        using (var anonymous = app.Anonymous())
        {
            for (var i = 0; i < 5; i++)
                await anonymous.PostAsJsonAsync("/api/auth/login", new { userName, password = "wrong-1234" });
        }
        using var admin = await app.As("admin");
        var id = await Users.IdOf(admin, userName);
        Assert.True((bool)(await Users.Get(admin, id))["isLockedOut"]!);

        var weak = await admin.PostAsJsonAsync($"/api/users/{id}/reset-password", new { newPassword = "abcdefgh" });
        Assert.Equal("密码须包含数字", (string?)(await weak.Problem(HttpStatusCode.BadRequest))["errors"]!["password"]![0]);

        var reset = await admin.PostAsJsonAsync($"/api/users/{id}/reset-password", new { newPassword = "Fresh2026b" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.False(string.IsNullOrEmpty(await app.LoginAsync(userName, "Fresh2026b")));
    }

    [Fact]
    public async Task Admin_cannot_deactivate_themself()
    {
        using var admin = await app.As("admin");
        var id = await Users.IdOf(admin, "admin");
        var problem = await (await admin.PostAsync($"/api/users/{id}/deactivate", null)).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("不能停用自己的账号", (string?)problem["errors"]!["id"]![0]);
    }

    [Fact]
    public async Task A_deactivated_user_keeps_their_record_and_can_be_reactivated()
    {
        var userName = await Users.Create(app, "back");
        using var admin = await app.As("admin");
        var id = await Users.IdOf(admin, userName);
        await admin.PostAsync($"/api/users/{id}/deactivate", null);

        var inactive = await (await admin.GetAsync("/api/users?active=false&pageSize=200")).ReadJson();
        Assert.Contains(inactive["items"]!.AsArray(), u => (string?)u!["userName"] == userName);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/reactivate", null)).StatusCode);
        Assert.False(string.IsNullOrEmpty(await app.LoginAsync(userName, Users.Password)));
    }

    [Fact]
    public async Task Users_list_searches_filters_by_role_and_pages()
    {
        using var admin = await app.As("admin");
        var managers = await (await admin.GetAsync("/api/users?role=AccountManager&search=am&sort=userName&pageSize=2&page=1")).ReadJson();
        var names = managers["items"]!.AsArray().Select(u => (string)u!["userName"]!).ToList();
        Assert.Equal(["am1", "am2"], names);
        Assert.True((int)managers["total"]! >= 4);

        var page2 = await (await admin.GetAsync("/api/users?role=AccountManager&search=am&sort=userName&pageSize=2&page=2")).ReadJson();
        Assert.Equal(["am3", "am4"], page2["items"]!.AsArray().Select(u => (string)u!["userName"]!).ToList());
    }

    [Fact]
    public async Task Unknown_user_is_404_problem()
    {
        using var admin = await app.As("admin");
        var problem = await (await admin.GetAsync($"/api/users/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound);
        Assert.Equal("用户不存在", (string?)problem["title"]);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_not_a_500()
    {
        using var admin = await app.As("admin");
        using var content = new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json");
        var response = await admin.PostAsync("/api/users", content);
        await response.Problem(HttpStatusCode.BadRequest);
    }
}
