using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>Creates throw-away users through the admin API, so tests never lock or deactivate the demo people.</summary>
public static class Users
{
    public const string Password = "Start2026a";

    public static async Task<string> Create(KamFactory app, string prefix, params string[] roles)
    {
        var userName = $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";
        using var admin = await app.As("admin");
        var response = await admin.PostAsJsonAsync("/api/users", new
        {
            userName,
            displayName = "测试" + prefix,
            password = Password,
            department = "大客户部",
            roles = roles.Length == 0 ? ["AccountManager"] : roles,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return userName;
    }

    public static async Task<Guid> IdOf(HttpClient admin, string userName)
    {
        var page = await (await admin.GetAsync($"/api/users?search={userName}")).ReadJson();
        return Guid.Parse((string)page["items"]!.AsArray().Single(u => (string?)u!["userName"] == userName)!["id"]!);
    }

    public static async Task<JsonNode> Get(HttpClient admin, Guid id) => await (await admin.GetAsync($"/api/users/{id}")).ReadJson();
}
