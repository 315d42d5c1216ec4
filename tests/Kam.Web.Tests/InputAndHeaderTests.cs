using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>Values no rule could use are refused beside the field and change nothing; business answers are never cached.</summary>
[Collection(ApiCollection.Name)]
public sealed class InputAndHeaderTests(KamFactory app)
{
    [Fact]
    public async Task An_undefined_tier_as_a_number_or_a_word_is_refused_and_the_account_keeps_its_tier()
    {
        using var head = await app.As("head");
        var account = await Accounts.Create(head);
        var id = (string)account["id"]!;
        var version = (string)account["version"]!;
        foreach (var tier in new object[] { 999, "Z" })
        {
            var problem = await (await head.PutAsJsonAsync($"/api/accounts/{id}/tier", new { tier, reason = "试一试", version })).Problem(HttpStatusCode.BadRequest);
            Assert.NotNull(problem["errors"]!["tier"]);
        }
        var policy = await (await head.PutAsJsonAsync("/api/settings/tier-policy", new { rules = new object[] { new { tier = 999, minAnnualPurchase = 1 } } })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(policy["errors"]!["rules[0].tier"]);
        Assert.Equal((string?)account["tier"], (string?)(await (await head.GetAsync($"/api/accounts/{id}")).ReadJson())["tier"]);
    }

    [Fact]
    public async Task A_date_no_business_record_can_have_is_refused_beside_the_parameter()
    {
        using var head = await app.As("head");
        var problem = await (await head.GetAsync("/api/meetings?From=9999-12-31&To=9999-12-31")).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]!["from"]);
        var forecast = await (await head.GetAsync("/api/forecast?from=9999-12")).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(forecast["errors"]!["from"]);
    }

    [Fact]
    public async Task Malformed_json_and_a_wrong_type_name_the_field_at_fault()
    {
        using var head = await app.As("head");
        var wrongType = await (await head.PostAsync("/api/accounts", new StringContent("{\"name\":\"x\",\"annualPurchase\":\"很多\"}", System.Text.Encoding.UTF8, "application/json")))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(wrongType["errors"]!["annualPurchase"]);
        var broken = await (await head.PostAsync("/api/accounts", new StringContent("{\"name\":", System.Text.Encoding.UTF8, "application/json"))).Problem(HttpStatusCode.BadRequest);
        Assert.NotEmpty(broken["errors"]!.AsObject());
    }

    [Fact]
    public async Task Business_answers_and_exports_are_never_stored_by_a_browser_or_proxy()
    {
        using var head = await app.As("head");
        foreach (var path in new[] { "/api/me", "/api/accounts?pageSize=1", "/api/accounts/export" })
        {
            var response = await head.GetAsync(path);
            Assert.True(response.Headers.CacheControl?.NoStore == true, $"{path}: Cache-Control {response.Headers.CacheControl}");
        }
        Assert.Equal("nosniff", (await head.GetAsync("/api/me")).Headers.GetValues("X-Content-Type-Options").Single());
    }
}
