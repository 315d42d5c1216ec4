using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class AuthApiTests(KamFactory app)
{
    [Fact]
    public async Task Login_returns_a_bearer_token_that_opens_the_api()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "head", password = "Demo#2026" });
        var body = await response.Ok<TokenBody>();
        Assert.False(string.IsNullOrEmpty(body.AccessToken));
        Assert.True(body.ExpiresAt > DateTimeOffset.UtcNow.AddHours(1));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.AccessToken);
        var me = await (await client.GetAsync("/api/me")).Ok<MeBody>();
        Assert.Equal("head", me.UserName);
        Assert.Equal("李明", me.DisplayName);
        Assert.Equal(["Head"], me.Roles);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_Chinese_problem()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "head", password = "wrong-password1" });
        var problem = await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("用户名或密码错误", (string?)problem["title"]);
        Assert.Equal("auth.invalid_credentials", (string?)problem["code"]);
    }

    [Fact]
    public async Task Errors_follow_the_request_language()
    {
        using var client = app.Anonymous("en-US");
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "x1234567" });
        var problem = await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("Wrong user name or password", (string?)problem["title"]);
    }

    [Fact]
    public async Task Empty_login_is_a_validation_problem_naming_both_fields()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "", password = "" });
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal("请输入用户名", (string?)problem["errors"]!["userName"]![0]);
        Assert.Equal("请输入密码", (string?)problem["errors"]!["password"]![0]);
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        var userName = await Users.Create(app, "lock");
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password = "not-it-123" })).Problem(HttpStatusCode.Unauthorized);

        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Users.Password });
        var problem = await response.Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("auth.locked_out", (string?)problem["code"]);
        Assert.Contains("15 分钟", (string?)problem["title"]);
    }

    [Fact]
    public async Task A_stranger_cannot_tell_a_locked_or_deactivated_account_from_an_unknown_name()
    {
        var locked = await Users.Create(app, "lock");
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await (await client.PostAsJsonAsync("/api/auth/login", new { userName = locked, password = "not-it-123" })).Problem(HttpStatusCode.Unauthorized);
        var leaver = await Users.Create(app, "leaver");
        using var admin = await app.As("admin");
        await admin.PostAsync($"/api/users/{await Users.IdOf(admin, leaver)}/deactivate", null);

        async Task<string?> Code(string userName, string password) =>
            (string?)(await (await client.PostAsJsonAsync("/api/auth/login", new { userName, password })).Problem(HttpStatusCode.Unauthorized))["code"];
        // A wrong password gets the same answer whoever the name belongs to, or none.
        Assert.Equal("auth.invalid_credentials", await Code("nobody-" + Guid.NewGuid().ToString("N")[..6], "wrong-pass-1"));
        Assert.Equal("auth.invalid_credentials", await Code(locked, "wrong-pass-1"));
        Assert.Equal("auth.invalid_credentials", await Code(leaver, "wrong-pass-1"));
        // Only the right password learns why it cannot sign in.
        Assert.Equal("auth.locked_out", await Code(locked, Users.Password));
        Assert.Equal("auth.deactivated", await Code(leaver, Users.Password));
    }

    [Theory]
    [InlineData("password1")]
    [InlineData("aaaaaaa1")]
    [InlineData("12345678")]
    [InlineData("Qwerty2026!")]
    [InlineData(" Start2026a")]
    [InlineData("Start2026a ")]
    public async Task Common_and_blank_padded_passwords_are_refused_beside_the_field(string password)
    {
        using var admin = await app.As("admin");
        var userName = "weak" + Guid.NewGuid().ToString("N")[..8];
        var response = await admin.PostAsJsonAsync("/api/users", new { userName, displayName = "弱密码", password, roles = new[] { "AccountManager" } });
        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["password"]);
        Assert.Equal(0, (int)(await (await admin.GetAsync($"/api/users?search={userName}")).ReadJson())["total"]!);
    }

    [Fact]
    public async Task A_deactivated_user_can_no_longer_log_in_and_their_token_stops_working()
    {
        var userName = await Users.Create(app, "leaver");
        using var own = await app.WithPassword(userName, Users.Password);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/me")).StatusCode);

        using var admin = await app.As("admin");
        var id = await Users.IdOf(admin, userName);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{id}/deactivate", null)).StatusCode);

        await (await own.GetAsync("/api/me")).Problem(HttpStatusCode.Unauthorized);
        using var anonymous = app.Anonymous();
        var login = await anonymous.PostAsJsonAsync("/api/auth/login", new { userName, password = Users.Password });
        Assert.Equal("auth.deactivated", (string?)(await login.Problem(HttpStatusCode.Unauthorized))["code"]);
    }

    [Fact]
    public async Task A_garbage_token_is_401_problem()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        var problem = await (await client.GetAsync("/api/me")).Problem(HttpStatusCode.Unauthorized);
        Assert.Equal("请先登录", (string?)problem["title"]);
    }

    [Fact]
    public async Task Anyone_changes_their_own_password_proving_the_current_one()
    {
        var userName = await Users.Create(app, "pwd");
        using var client = await app.WithPassword(userName, Users.Password);
        var wrong = await client.PutAsJsonAsync("/api/me/password", new { currentPassword = "nope12345", newPassword = "Better2026x", confirmPassword = "Better2026x" });
        Assert.Equal("当前密码不正确", (string?)(await wrong.Problem(HttpStatusCode.BadRequest))["errors"]!["currentPassword"]![0]);

        var ok = await client.PutAsJsonAsync("/api/me/password", new { currentPassword = Users.Password, newPassword = "Better2026x", confirmPassword = "Better2026x" });
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.False(string.IsNullOrEmpty(await app.LoginAsync(userName, "Better2026x")));
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);

    private sealed record MeBody(Guid Id, string UserName, string DisplayName, string[] Roles);
}
