using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>The approval rules per document type: who may read and change them, what a bad rule gets, stale saves.</summary>
[Collection(ApiCollection.Name)]
public sealed class ApprovalRulesApiTests(KamFactory app)
{
    [Fact]
    public async Task The_default_rules_are_the_seeds_authority()
    {
        using var head = await app.As("head");
        var rules = await (await head.GetAsync("/api/approval-rules")).ReadJson();
        var contract = Type(rules, "contract");
        Assert.Equal(2, contract.Count);
        Assert.Equal("Head", (string?)contract[0]!["role"]);
        Assert.Equal("Always", (string?)contract[0]!["condition"]);
        Assert.Equal("Executive", (string?)contract[1]!["role"]);
        Assert.Equal("AmountAtLeastOrNonStandardTerms", (string?)contract[1]!["condition"]);
        Assert.Equal(1_000_000m, (decimal)contract[1]!["threshold"]!);
        Assert.Equal("Head", (string?)Type(rules, "order")[0]!["role"]);
        Assert.Equal("Head", (string?)Type(rules, "makeup_shipment")[0]!["role"]);
    }

    [Fact]
    public async Task Head_and_admin_change_the_rules_others_may_not_and_bad_rules_change_nothing()
    {
        using var head = await app.As("head");
        using var admin = await app.As("admin");
        using var am1 = await app.As("am1");
        using var exec = await app.As("exec");
        await (await am1.GetAsync("/api/approval-rules")).Problem(HttpStatusCode.Forbidden);
        await (await exec.PutAsJsonAsync("/api/approval-rules", new { types = Array.Empty<object>() })).Problem(HttpStatusCode.Forbidden);

        var before = await (await head.GetAsync("/api/approval-rules")).ReadJson();
        var bad = await head.PutAsJsonAsync("/api/approval-rules", new
        {
            version = (string?)before["version"],
            types = new object[]
            {
                new { documentType = "contract", rules = new object[] { new { role = "AccountManager", condition = "Always" }, new { role = "Executive", condition = "AmountAtLeast" } } },
                new { documentType = "invoice", rules = Array.Empty<object>() },
            },
        });
        var problem = await bad.Problem(HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.Contains("Role", StringComparison.OrdinalIgnoreCase) && ((string?)e.Value![0]!)!.Contains("部长或副总经理"));
        Assert.Contains(errors, e => e.Key.Contains("Threshold", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.Key.Contains("DocumentType", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before.ToJsonString(), (await (await head.GetAsync("/api/approval-rules")).ReadJson()).ToJsonString());

        // The admin raises the executive's threshold for contracts; the head's stale copy is refused; then it is put back.
        var raised = await (await admin.PutAsJsonAsync("/api/approval-rules", new
        {
            version = (string?)before["version"],
            types = new object[]
            {
                new { documentType = "contract", rules = new object[] { new { role = "Head", condition = "Always" }, new { role = "Executive", condition = "AmountAtLeast", threshold = 3_000_000m } } },
            },
        })).Ok<JsonObject>();
        try
        {
            Assert.Equal(3_000_000m, (decimal)Type(raised, "contract")[1]!["threshold"]!);
            Assert.Equal("AmountAtLeast", (string?)Type(raised, "contract")[1]!["condition"]);
            Assert.Equal("Head", (string?)Type(raised, "order")[0]!["role"]);
            var stale = await head.PutAsJsonAsync("/api/approval-rules", new { version = (string?)before["version"], types = Array.Empty<object>() });
            await stale.Problem(HttpStatusCode.Conflict);
        }
        finally
        {
            var restored = await head.PutAsJsonAsync("/api/approval-rules", new
            {
                version = (string?)raised["version"],
                types = new object[]
                {
                    new { documentType = "contract", rules = new object[] { new { role = "Head", condition = "Always" }, new { role = "Executive", condition = "AmountAtLeastOrNonStandardTerms", threshold = 1_000_000m } } },
                },
            });
            Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        }
    }

    private static JsonArray Type(JsonNode rules, string type) =>
        rules["types"]!.AsArray().Single(t => (string?)t!["documentType"] == type)!["rules"]!.AsArray();
}
