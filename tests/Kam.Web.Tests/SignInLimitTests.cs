using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>Sign-in attempts from one address are limited (here to 3 a minute), then answered 429 in the client's language.</summary>
public sealed class SignInLimitTests(SignInLimitTests.Factory app) : IClassFixture<SignInLimitTests.Factory>
{
    public sealed class Factory : KamFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Kam:SignIn:AttemptsPerMinute"] = "3" };
    }

    [Fact]
    public async Task The_fourth_attempt_in_a_minute_is_refused_with_429_even_with_the_right_password()
    {
        using var client = app.Anonymous();
        for (var i = 0; i < 3; i++)
            await (await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "wrong-pass-1" })).Problem(HttpStatusCode.Unauthorized);

        var refused = await client.PostAsJsonAsync("/api/auth/login", new { userName = "head", password = "Demo#2026" });
        var problem = await refused.Problem((HttpStatusCode)429);
        Assert.Equal("auth.too_many_attempts", (string?)problem["code"]);
        Assert.Equal("登录尝试过于频繁，请一分钟后再试", (string?)problem["title"]);
        Assert.True(refused.Headers.Contains("Retry-After"));

        // Other requests are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }
}
