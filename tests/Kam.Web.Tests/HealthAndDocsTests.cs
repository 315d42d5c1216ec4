using System.Net;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Liveness_and_readiness_are_200_on_a_migrated_server()
    {
        using var client = app.Anonymous();
        Assert.Equal("Healthy", (await (await client.GetAsync("/health/live")).Ok<HealthBody>()).Status);
        Assert.Equal("Healthy", (await (await client.GetAsync("/health/ready")).Ok<HealthBody>()).Status);
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

    [Fact]
    public async Task Not_ready_but_alive_when_the_database_does_not_answer()
    {
        using var client = app.Anonymous();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("database_unreachable", (string?)(await ready.ReadJson())["reason"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }
}

/// <summary>A server started with Kam:MigrateOnStart=false before anyone ran "migrate": its database is empty.</summary>
public sealed class PendingMigrationsFactory : KamFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Kam:MigrateOnStart"] = "false",
        ["Kam:Demo"] = "false",
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Kam"] = $"Data Source={Path.Combine(Database.DataDir, "never-migrated.db")}",
    };
}

public sealed class HealthWhileMigrationsPendTests(PendingMigrationsFactory app) : IClassFixture<PendingMigrationsFactory>
{
    [Fact]
    public async Task Not_ready_while_migrations_are_pending_then_ready_once_they_are_applied()
    {
        using var client = app.Anonymous();
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("migrations_pending", (string?)(await ready.ReadJson())["reason"]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);

        // What "Kam.Web.dll migrate" does on another machine; the running server sees it without a restart.
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Kam.Infrastructure.Data.KamDbContext>().Database.MigrateAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
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
