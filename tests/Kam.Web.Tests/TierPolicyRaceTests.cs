using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>
/// The head saves a new tier policy while account managers edit the accounts it re-tiers: no request fails with a
/// 5xx, the policy is saved, and afterwards every account's tier is the one the saved policy gives it. On a database
/// of its own, since it changes the department's policy.
/// </summary>
public sealed class TierPolicyRaceTests(TierPolicyRaceTests.Factory app) : IClassFixture<TierPolicyRaceTests.Factory>
{
    public sealed class Factory : KamFactory
    {
    }

    [Fact]
    public async Task A_policy_saved_during_account_edits_leaves_every_tier_agreeing_with_it()
    {
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var accounts = new List<JsonNode>();
        for (var i = 0; i < 8; i++)
            accounts.Add(await Accounts.Create(am1));   // 800,000 a year: C under the default policy
        Assert.All(accounts, a => Assert.Equal("C", (string?)a["tier"]));

        var policy = new { rules = new object[] { new { tier = "A", minAnnualPurchase = 5_000_000 }, new { tier = "B", minAnnualPurchase = 500_000 } } };
        var edits = accounts.Select(a => Task.Run(async () =>
        {
            var statuses = new List<HttpStatusCode>();
            var version = (string)a["version"]!;
            for (var n = 0; n < 6; n++)
            {
                var response = await am1.PutAsJsonAsync($"/api/accounts/{a["id"]}",
                    new { name = (string)a["name"]!, category = "Dealer", provinceCode = "44", cityCode = "4401", annualPurchase = 800000, status = "Active", industry = "编辑" + n, version });
                statuses.Add(response.StatusCode);
                if (response.IsSuccessStatusCode)
                    version = (string)(await response.ReadJson())["version"]!;
                else
                    version = (string)(await (await am1.GetAsync($"/api/accounts/{a["id"]}")).ReadJson())["version"]!;
            }
            return statuses;
        })).ToList();
        var save = await head.PutAsJsonAsync("/api/settings/tier-policy", policy);
        var editStatuses = (await Task.WhenAll(edits)).SelectMany(s => s).ToList();

        Assert.True(save.IsSuccessStatusCode, $"{(int)save.StatusCode}: {await save.Content.ReadAsStringAsync()}");
        Assert.All(editStatuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"an edit got {(int)s}"));
        foreach (var a in accounts)
            Assert.Equal("B", (string?)(await (await am1.GetAsync($"/api/accounts/{a["id"]}")).ReadJson())["tier"]);
    }
}
