using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>
/// The department's work plans (工作计划) and their approval (报批): drafted by the head or the assistant, locked under
/// review, approved by the executive, changed after approval only as a new revision that goes through approval again.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PlanApiTests(KamFactory app)
{
    // Each test plans its own quarter far ahead: no other test's plan is in the way.
    private static string FutureQuarter() => $"{2060 + Random.Shared.Next(40)}-Q{1 + Random.Shared.Next(4)}";

    private static object Body(string period, string title, Guid? version = null, Guid? owner = null) => new
    {
        period,
        title,
        summary = "本季度重点：华南区回款与新客户开发",
        version,
        items = new object[]
        {
            new { kind = "KeyAction", text = "完成华远集团年度框架协议续签", ownerId = owner, dueOn = "2060-03-20" },
            new { kind = "Development", text = "拿下三家设计院类新客户" },
            new { kind = "Promotion", text = "五月家居展参展方案" },
        },
    };

    [Fact]
    public async Task A_plan_is_locked_under_review_approved_by_the_executive_and_changed_only_through_a_revision()
    {
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        using var am1 = await app.As("am1");
        var period = FutureQuarter();
        var am1Id = await app.Read(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Users.Where(u => u.UserName == "am1").Select(u => u.Id)));

        var plan = await (await head.PostAsJsonAsync("/api/plans", Body(period, "季度工作计划", owner: am1Id))).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)plan["id"]!;
        Assert.Equal("Draft", (string?)plan["status"]);
        Assert.Equal(3, plan["items"]!.AsArray().Count);
        Assert.Equal("KeyAction", (string?)plan["items"]![0]!["kind"]);
        await (await head.PostAsJsonAsync("/api/plans", Body(period, "第二份"))).Problem(HttpStatusCode.BadRequest); // one plan a period

        // An account manager reads the department's plan but drafts none.
        Assert.Equal("季度工作计划", (string?)(await (await am1.GetAsync($"/api/plans/{id}")).Ok<JsonObject>())["title"]);
        await (await am1.PostAsJsonAsync("/api/plans", Body(FutureQuarter(), "越权"))).Problem(HttpStatusCode.Forbidden);
        await (await am1.PutAsJsonAsync($"/api/plans/{id}", Body(period, "越权", Guid.Parse((string)plan["version"]!)))).Problem(HttpStatusCode.Forbidden);

        var submitted = await (await head.PostAsJsonAsync($"/api/plans/{id}/submit", new { version = plan["version"], note = "请审批" })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)submitted["status"]);
        Assert.False((bool)submitted["editable"]!);
        await (await head.PutAsJsonAsync($"/api/plans/{id}", Body(period, "改标题", Guid.Parse((string)submitted["version"]!)))).Problem(HttpStatusCode.Conflict);

        // The executive decides (the head's own plan: nobody approves their own document anyway).
        var approval = (string)submitted["approvalId"]!;
        await (await head.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { })).Problem(HttpStatusCode.Forbidden);
        (await exec.PostAsJsonAsync($"/api/approvals/{approval}/approve", new { comment = "同意" })).EnsureSuccessStatusCode();
        var approved = await (await head.GetAsync($"/api/plans/{id}")).Ok<JsonObject>();
        Assert.Equal("Approved", (string?)approved["status"]);
        await (await head.PutAsJsonAsync($"/api/plans/{id}", Body(period, "改标题", Guid.Parse((string)approved["version"]!)))).Problem(HttpStatusCode.Conflict);

        // A change after approval is a new revision, a draft again, and goes through approval again.
        var revision = await (await head.PostAsJsonAsync($"/api/plans/{id}/revise", new { })).Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal((2, "Draft", id), ((int)revision["revision"]!, (string?)revision["status"], (string?)revision["previousId"]));
        Assert.Equal(3, revision["items"]!.AsArray().Count);
        await (await head.PostAsJsonAsync($"/api/plans/{id}/revise", new { })).Problem(HttpStatusCode.Conflict); // one open revision
        var revId = (string)revision["id"]!;
        var edited = await (await head.PutAsJsonAsync($"/api/plans/{revId}", Body(period, "季度工作计划（修订）", Guid.Parse((string)revision["version"]!))))
            .Ok<JsonObject>();
        Assert.Equal("季度工作计划（修订）", (string?)edited["title"]);
        // The revision compared with the one it revised: the title, and the first item's owner (am1 then, nobody now).
        var compared = await (await head.GetAsync($"/api/plans/{revId}/compare")).Ok<JsonObject>();
        Assert.True((bool)compared["titleChanged"]!);
        Assert.Equal(["Changed", "Same", "Same"], compared["items"]!.AsArray().Select(i => (string)i!["change"]!).ToArray());
        Assert.Equal(am1Id.ToString(), (string?)compared["items"]![0]!["before"]!["owner"]!["id"]);
        Assert.Null(compared["items"]![0]!["after"]!["owner"]);
        await (await head.GetAsync($"/api/plans/{id}/compare")).Problem(HttpStatusCode.BadRequest); // the first has no previous
        var again = await (await head.PostAsJsonAsync($"/api/plans/{revId}/submit", new { version = edited["version"] })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)again["status"]);
        var history = await (await head.GetAsync($"/api/plans/{revId}/revisions")).Ok<JsonArray>();
        Assert.Equal(["季度工作计划", "季度工作计划（修订）"], history.Select(h => (string)h!["title"]!).ToArray());
        Assert.Equal("Approved", (string?)history[0]!["status"]); // the approved revision stays as it was
        var waiting = await (await exec.GetAsync("/api/approvals/pending?pageSize=100")).Ok<JsonObject>();
        Assert.Contains(waiting["items"]!.AsArray(), a => (string?)a!["documentId"] == revId && (string?)a["documentType"] == "plan");
    }

    [Fact]
    public async Task Bad_input_is_refused_on_its_fields_and_a_stale_save_gets_409()
    {
        using var assistant = await app.As("assistant");
        var period = FutureQuarter();
        var bad = await (await assistant.PostAsJsonAsync("/api/plans", new
        {
            period = "2026",
            title = " ",
            items = new object[] { new { kind = (string?)null, text = "" }, new { kind = "KeyAction", text = "x", ownerId = Guid.NewGuid() } },
        })).Problem(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!.AsObject();
        Assert.NotNull(errors["period"]);
        Assert.NotNull(errors["title"]);
        Assert.NotNull(errors["items[0].kind"]);
        Assert.NotNull(errors["items[0].text"]);
        Assert.NotNull(errors["items[1].ownerId"]);

        var plan = await (await assistant.PostAsJsonAsync("/api/plans", Body(period, "月度计划"))).Ok<JsonObject>(HttpStatusCode.Created);
        var version = Guid.Parse((string)plan["version"]!);
        (await assistant.PutAsJsonAsync($"/api/plans/{plan["id"]}", Body(period, "第一次修改", version))).EnsureSuccessStatusCode();
        await (await assistant.PutAsJsonAsync($"/api/plans/{plan["id"]}", Body(period, "过期的修改", version))).Problem(HttpStatusCode.Conflict);
        await (await assistant.GetAsync($"/api/plans/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound);
        await (await assistant.GetAsync("/api/plans?period=nonsense")).Problem(HttpStatusCode.BadRequest);
    }
}

/// <summary>Account managers' action plans (行动计划): their own, followed up as work items, checked by the head.</summary>
[Collection(ApiCollection.Name)]
public sealed class ActionPlanApiTests(KamFactory app)
{
    [Fact]
    public async Task An_account_manager_writes_their_plan_its_items_become_tasks_and_the_head_comments()
    {
        var userName = await Users.Create(app, "act");
        using var am = await app.WithPassword(userName, Users.Password);
        using var head = await app.As("head");
        using var am2 = await app.As("am2");
        var month = $"{2060 + Random.Shared.Next(40)}-{1 + Random.Shared.Next(12):00}";
        var accountId = await PaymentData.AccountOf(am);
        var first = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var bad = await (await am.PostAsJsonAsync("/api/action-plans", new
        {
            month,
            items = new object[] { new { kind = "Visit", text = " " }, new { kind = "Deal", text = "x", dueOn = first.AddMonths(1).ToString("yyyy-MM-dd") } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["items[0].text"]);
        Assert.NotNull(bad["errors"]!["items[1].dueOn"]);

        var plan = await (await am.PostAsJsonAsync("/api/action-plans", new
        {
            month,
            items = new object[]
            {
                new { kind = "Visit", text = "拜访采购总监，确认年度需求", accountId, dueOn = first.AddDays(9).ToString("yyyy-MM-dd") },
                new { kind = "Action", text = "整理本月回款清单" },
            },
        })).Ok<JsonObject>();
        var items = plan["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("Open", (string?)i!["status"]));
        var tasks = await (await am.GetAsync("/api/tasks?pageSize=100")).Ok<JsonObject>();
        Assert.Contains(tasks["items"]!.AsArray(), t => (string?)t!["title"] == "拜访采购总监，确认年度需求");

        // Taking an item out cancels its task; a stale save is refused.
        var version = (string)plan["version"]!;
        var fewer = await (await am.PostAsJsonAsync("/api/action-plans", new { month, version, items = new object[] { new { kind = "Visit", text = "拜访采购总监，确认年度需求", accountId } } }))
            .Ok<JsonObject>();
        Assert.Single(fewer["items"]!.AsArray());
        var cancelled = (string)items[1]!["workItemId"]!;
        Assert.Equal("Cancelled", (string?)(await (await am.GetAsync($"/api/tasks/{cancelled}")).Ok<JsonObject>())["item"]!["status"]);
        await (await am.PostAsJsonAsync("/api/action-plans", new { month, version, items = Array.Empty<object>() })).Problem(HttpStatusCode.Conflict);

        // Others: another account manager finds nothing; the head reads it and comments; only the author writes it.
        var id = (string)plan["id"]!;
        await (await am2.GetAsync($"/api/action-plans/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.Empty(await (await am2.GetAsync($"/api/action-plans?month={month}")).Ok<JsonArray>());
        await (await head.PostAsJsonAsync("/api/action-plans", new { month, items = Array.Empty<object>() })).Problem(HttpStatusCode.Forbidden);
        await (await am.PostAsJsonAsync($"/api/action-plans/{id}/comment", new { comment = "自己批注" })).Problem(HttpStatusCode.Forbidden);
        var all = await (await head.GetAsync($"/api/action-plans?month={month}")).Ok<JsonArray>();
        Assert.Contains(all, p => (string?)p!["id"] == id);
        var commented = await (await head.PostAsJsonAsync($"/api/action-plans/{id}/comment", new { comment = "重点跟进回款，月中汇报" })).Ok<JsonObject>();
        Assert.Equal("重点跟进回款，月中汇报", (string?)commented["comment"]);
        Assert.Equal("重点跟进回款，月中汇报", (string?)(await (await am.GetAsync($"/api/action-plans/{id}")).Ok<JsonObject>())["comment"]);
        var inbox = await (await am.GetAsync("/api/notifications?pageSize=50")).Ok<JsonObject>();
        Assert.Contains(inbox["items"]!.AsArray(), n => (string?)n!["kind"] == "notify.action_commented" && (string?)n["link"] == "/plans/actions");
    }
}
