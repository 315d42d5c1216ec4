using System.Net;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class HealthAndDocsTests(KamFactory app)
{
    [Fact]
    public async Task Health_is_200_when_the_database_answers()
    {
        using var client = app.Anonymous();
        var body = await (await client.GetAsync("/health")).Ok<HealthBody>();
        Assert.Equal("Healthy", body.Status);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_api_and_the_reference_page_is_served()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json")).ReadJson();
        Assert.NotNull(doc["paths"]!["/api/auth/login"]);
        Assert.NotNull(doc["paths"]!["/api/users"]);
        var scalar = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/login");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Login_page_is_Chinese_by_default_whatever_the_browser_language()
    {
        using var client = app.Anonymous("en-US");
        var html = await client.GetStringAsync("/login");
        Assert.Contains("用户名", html);
        Assert.Contains("Kam 大客户管理", html);
    }

    private sealed record HealthBody(string Status);
}

/// <summary>A server whose database cannot be reached must say so to the load balancer.</summary>
public sealed class UnreachableDatabaseFactory : KamFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Kam:MigrateOnStart"] = "false",
        ["Kam:Demo"] = "false",
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Kam"] = "Data Source=/proc/kam-missing/kam.db;Mode=ReadWrite",
    };
}

public sealed class HealthWhenDatabaseDownTests(UnreachableDatabaseFactory app) : IClassFixture<UnreachableDatabaseFactory>
{
    [Fact]
    public async Task Health_is_503_when_the_database_does_not_answer()
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

[Collection(ApiCollection.Name)]
public sealed class UnknownApiPathTests(KamFactory app)
{
    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task An_unknown_api_path_is_a_404_problem_whatever_the_method(string method)
    {
        using var client = await app.As("head");
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/no-such-thing"));
        await response.Problem(HttpStatusCode.NotFound);
    }
}
