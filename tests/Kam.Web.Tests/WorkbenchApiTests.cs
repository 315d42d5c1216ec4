using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Common;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class WorkbenchApiTests(KamFactory app)
{
    [Fact]
    public async Task Each_role_gets_its_own_workbench()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var at = DateTimeOffset.UtcNow.AddMinutes(30);
        if (TimeZoneInfo.ConvertTime(at, BusinessClock.Zone).Date != TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, BusinessClock.Zone).Date)
            at = DateTimeOffset.UtcNow;
        var plan = await (await am1.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], at, purpose = "工作台测试" })).Ok<JsonObject>(HttpStatusCode.Created);

        var mine = await (await am1.GetAsync("/api/workbench")).ReadJson();
        Assert.Null(mine["department"]);
        Assert.Null(mine["month"]);
        var manager = mine["manager"]!;
        Assert.Contains(manager["todayPlans"]!.AsArray(), p => (string?)p!["id"] == (string?)plan["id"]);
        Assert.True((int)manager["month"]!["visitsPlanned"]! >= 1);
        Assert.True((int)manager["month"]!["workingDays"]! >= 0);

        using var head = await app.As("head");
        var desk = await (await head.GetAsync("/api/workbench")).ReadJson();
        Assert.Null(desk["manager"]);
        var department = desk["department"]!;
        var everyone = department["reportsSubmitted"]!.AsArray().Concat(department["reportsMissing"]!.AsArray()).Select(p => (string?)p!["displayName"]).ToList();
        Assert.Equal(everyone.Count, department["visitsThisMonth"]!.AsArray().Count);
        Assert.NotNull(desk["month"]);
        Assert.Equal(3, desk["month"]!["accountsByTier"]!.AsArray().Count);

        using var exec = await app.As("exec");
        var glance = await (await exec.GetAsync("/api/workbench")).ReadJson();
        Assert.Null(glance["manager"]);
        Assert.Null(glance["department"]);
        Assert.True((int)glance["month"]!["accountsActive"]! > 0);

        using var admin = await app.As("admin");
        await (await admin.GetAsync("/api/workbench")).Problem(HttpStatusCode.Forbidden);
    }
}
