using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Visits;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class VisitApiTests(KamFactory app)
{
    private static DateOnly Today => TimeProvider.System.Today();

    private static string At(int days, int hour = 10) =>
        new DateTimeOffset(Today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToString("O");

    private static async Task<(JsonNode Account, Guid C1, Guid C2)> AccountWithContacts(HttpClient client)
    {
        var account = await Accounts.Create(client);
        var ids = new List<Guid>();
        foreach (var name in new[] { "王经理", "李总" })
        {
            var c = await (await client.PostAsJsonAsync($"/api/accounts/{account["id"]}/contacts", new { name, title = "采购" })).Ok<JsonObject>(HttpStatusCode.Created);
            ids.Add((Guid)c["id"]!);
        }
        return (account, ids[0], ids[1]);
    }

    [Fact]
    public async Task An_account_manager_plans_then_completes_a_visit_and_the_account_and_contacts_follow()
    {
        using var am1 = await app.As("am1");
        var (account, c1, c2) = await AccountWithContacts(am1);
        var plan = await (await am1.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], at = At(0, 23), contactIds = new[] { c1 }, purpose = "介绍新品", expectedOutcome = "约定样品测试" }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("Planned", (string?)plan["status"]);
        Assert.True((bool)plan["can"]!["complete"]!);
        var mine = await (await am1.GetAsync($"/api/visit-plans?mine=true&from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}&pageSize=200")).ReadJson();
        Assert.Contains(mine["items"]!.AsArray(), v => (string?)v!["id"] == (string?)plan["id"]);

        // Another account manager who does not see the account cannot see the visit either.
        using var am2 = await app.As("am2");
        await (await am2.GetAsync($"/api/visits/{plan["id"]}")).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync($"/api/visit-plans/{plan["id"]}/complete", new { summary = "x" })).Problem(HttpStatusCode.NotFound);

        var done = await (await am1.PostAsJsonAsync($"/api/visit-plans/{plan["id"]}/complete", new
        {
            at = At(0, 0),
            durationMinutes = 90,
            contactIds = new[] { c1, c2 },
            summary = "客户认可新品，计划下月试用",
            outcome = "同意试用",
            customerRequests = "需要报价单",
            competitors = "某品牌",
            nextStep = "发送报价",
            nextStepOn = Today.AddDays(3),
            location = "客户总部",
            version = plan["version"],
        })).Ok<JsonObject>();
        Assert.Equal("Done", (string?)done["status"]);
        Assert.Equal(2, done["contacts"]!.AsArray().Count(c => (string?)c!["role"] == "Met"));

        var status = await (await am1.GetAsync($"/api/accounts/{account["id"]}/visit-status")).ReadJson();
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string?)status["lastVisitOn"]);
        Assert.False((bool)status["overdue"]!);
        var contacts = await (await am1.GetAsync($"/api/accounts/{account["id"]}/contacts")).ReadJson();
        Assert.All(contacts.AsArray(), c => Assert.Equal(Today.ToString("yyyy-MM-dd"), (string?)c!["lastContactedOn"]));
        var history = await (await am1.GetAsync($"/api/accounts/{account["id"]}/visits")).ReadJson();
        Assert.Equal(1, (int)history["total"]!);
        var timeline = await (await am1.GetAsync($"/api/accounts/{account["id"]}/timeline")).ReadJson();
        Assert.Contains(timeline.AsArray(), e => (string?)e!["kind"] == "timeline.visit_done" && ((string?)e["subject"])!.Contains("客户认可新品"));
        await (await am2.GetAsync($"/api/accounts/{account["id"]}/visits")).Problem(HttpStatusCode.NotFound);

        // Completing twice is refused: it is no longer a plan.
        await (await am1.PostAsJsonAsync($"/api/visit-plans/{plan["id"]}/complete", new { summary = "again" })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_records_are_refused_field_by_field_and_write_nothing()
    {
        using var am1 = await app.As("am1");
        var (account, _, _) = await AccountWithContacts(am1);
        using var am2 = await app.As("am2");
        var (other, otherContact, _) = await AccountWithContacts(am2);

        var bad = await (await am1.PostAsJsonAsync("/api/visits", new { accountId = account["id"], at = At(0, 0), latitude = 23.1, durationMinutes = 0, nextStep = "回访" })).Problem(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!.AsObject();
        Assert.Contains("summary", errors.Select(e => e.Key));
        Assert.Contains("longitude", errors.Select(e => e.Key));
        Assert.Contains("durationMinutes", errors.Select(e => e.Key));
        Assert.Contains("nextStepOn", errors.Select(e => e.Key));
        Assert.Equal("请填写拜访纪要", (string?)errors["summary"]![0]);

        var future = await (await am1.PostAsJsonAsync("/api/visits", new { accountId = account["id"], at = At(2), summary = "未来" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(future["errors"]!["at"]);
        var foreignContact = await (await am1.PostAsJsonAsync("/api/visits", new { accountId = account["id"], at = At(0, 0), summary = "s", contactIds = new[] { otherContact } })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(foreignContact["errors"]!["contactIds"]);
        var invisible = await (await am1.PostAsJsonAsync("/api/visits", new { accountId = other["id"], at = At(0, 0), summary = "s" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(invisible["errors"]!["accountId"]);
        var pastPlan = await (await am1.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], at = At(-1), purpose = "p" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(pastPlan["errors"]!["at"]);

        var id = (Guid)account["id"]!;
        Assert.Equal(0, await app.Read(db => db.Unscoped<Visit>().CountAsync(v => v.AccountId == id)));
    }

    [Fact]
    public async Task Only_account_managers_and_the_head_plan_and_log_and_only_the_head_for_others()
    {
        using var am1 = await app.As("am1");
        var (account, _, _) = await AccountWithContacts(am1);
        using var admin = await app.As("admin");
        var am1Id = await Users.IdOf(admin, "am1");
        var am2Id = await Users.IdOf(admin, "am2");
        var body = new { accountId = account["id"], at = At(1), purpose = "回访" };
        using var assistant = await app.As("assistant");
        await (await assistant.PostAsJsonAsync("/api/visit-plans", body)).Problem(HttpStatusCode.Forbidden);
        using var exec = await app.As("exec");
        await (await exec.PostAsJsonAsync("/api/visits", new { accountId = account["id"], at = At(0, 0), summary = "s" })).Problem(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/visits")).Problem(HttpStatusCode.Forbidden);

        var forOther = await (await am1.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], userId = am2Id, at = At(1), purpose = "p" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(forOther["errors"]!["userId"]);

        using var head = await app.As("head");
        var notOnAccount = await (await head.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], userId = am2Id, at = At(1), purpose = "p" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("拜访人不是该客户的负责人或团队成员", (string?)notOnAccount["errors"]!["userId"]![0]);
        var planned = await (await head.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], userId = am1Id, at = At(1), purpose = "经理安排的回访" })).Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal(am1Id.ToString(), (string?)planned["user"]!["id"]);
        var seen = await (await am1.GetAsync($"/api/visits/{planned["id"]}")).ReadJson();
        Assert.True((bool)seen["can"]!["complete"]!);
        // The executive and the assistant read everything.
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/visits/{planned["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await assistant.GetAsync($"/api/accounts/{account["id"]}/visits")).StatusCode);
    }

    [Fact]
    public async Task The_author_corrects_a_record_for_seven_days_then_only_the_head_and_stale_saves_are_refused()
    {
        using var am1 = await app.As("am1");
        var (account, _, _) = await AccountWithContacts(am1);
        var visit = await (await am1.PostAsJsonAsync("/api/visits", new { accountId = account["id"], at = At(0, 0), summary = "初次拜访" })).Ok<JsonObject>(HttpStatusCode.Created);
        var edited = await (await am1.PutAsJsonAsync($"/api/visits/{visit["id"]}", new { summary = "初次拜访，已补充", version = visit["version"] })).Ok<JsonObject>();
        Assert.Equal("初次拜访，已补充", (string?)edited["summary"]);

        var stale = await (await am1.PutAsJsonAsync($"/api/visits/{visit["id"]}", new { summary = "用旧版本保存", version = visit["version"] })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("concurrency_conflict", (string?)stale["code"]);

        var id = (Guid)visit["id"]!;
        await app.Change(async db => (await db.Unscoped<Visit>().SingleAsync(v => v.Id == id)).RecordedAt = DateTimeOffset.UtcNow.AddDays(-8));
        var current = await (await am1.GetAsync($"/api/visits/{id}")).ReadJson();
        Assert.False((bool)current["can"]!["editRecord"]!);
        var late = await (await am1.PutAsJsonAsync($"/api/visits/{id}", new { summary = "八天后修改", version = current["version"] })).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("visit.edit_window_closed", (string?)late["code"]);

        using var head = await app.As("head");
        var corrected = await (await head.PutAsJsonAsync($"/api/visits/{id}", new { summary = "部门经理更正", version = current["version"] })).Ok<JsonObject>();
        Assert.Equal("部门经理更正", (string?)corrected["summary"]);
        var audit = await (await head.GetAsync($"/api/audit?entityType=Visit&entityId={id}")).ReadJson();
        Assert.Contains(audit["items"]!.AsArray(), e => e!["changes"]!.AsArray().Any(c => (string?)c!["field"] == "Summary" && (string?)c["new"] == "部门经理更正"));
    }

    [Fact]
    public async Task A_plan_is_cancelled_with_a_reason_and_then_cannot_be_completed()
    {
        using var am1 = await app.As("am1");
        var (account, _, _) = await AccountWithContacts(am1);
        var plan = await (await am1.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], at = At(2), purpose = "年度回顾" })).Ok<JsonObject>(HttpStatusCode.Created);
        var noReason = await (await am1.PostAsJsonAsync($"/api/visit-plans/{plan["id"]}/cancel", new { version = plan["version"] })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["reason"]);
        var cancelled = await (await am1.PostAsJsonAsync($"/api/visit-plans/{plan["id"]}/cancel", new { reason = "客户出差", version = plan["version"] })).Ok<JsonObject>();
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        await (await am1.PostAsJsonAsync($"/api/visit-plans/{plan["id"]}/complete", new { summary = "s" })).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Overdue_and_due_soon_accounts_follow_the_policy_and_the_data_scope()
    {
        using var am1 = await app.As("am1");
        var overdue = await Accounts.Create(am1);
        var soon = await Accounts.Create(am1);
        var policy = new VisitPolicy();
        Guid overdueId = (Guid)overdue["id"]!, soonId = (Guid)soon["id"]!;
        await app.Change(async db =>
        {
            var a = await db.Unscoped<Account>().SingleAsync(x => x.Id == overdueId);
            a.VisitDueBase = Today.AddDays(-policy.DaysFor(a.Tier) - 5);
            var b = await db.Unscoped<Account>().SingleAsync(x => x.Id == soonId);
            b.VisitDueBase = Today.AddDays(-policy.DaysFor(b.Tier) + 2);
        });

        var mine = await (await am1.GetAsync($"/api/visits/overdue?search={Uri.EscapeDataString((string)overdue["name"]!)}")).ReadJson();
        var row = Assert.Single(mine["items"]!.AsArray())!;
        Assert.Equal(5, (int)row["daysOverdue"]!);
        var dueSoon = await (await am1.GetAsync($"/api/visits/overdue?dueSoon=true&search={Uri.EscapeDataString((string)soon["name"]!)}")).ReadJson();
        Assert.Equal(-2, (int)Assert.Single(dueSoon["items"]!.AsArray())!["daysOverdue"]!);
        var notOverdue = await (await am1.GetAsync($"/api/visits/overdue?search={Uri.EscapeDataString((string)soon["name"]!)}")).ReadJson();
        Assert.Equal(0, (int)notOverdue["total"]!);
        Assert.True((bool)(await (await am1.GetAsync($"/api/accounts/{overdueId}/visit-status")).ReadJson())["overdue"]!);

        using var am2 = await app.As("am2");
        var theirs = await (await am2.GetAsync($"/api/visits/overdue?search={Uri.EscapeDataString((string)overdue["name"]!)}")).ReadJson();
        Assert.Equal(0, (int)theirs["total"]!);
        using var head = await app.As("head");
        var all = await (await head.GetAsync($"/api/visits/overdue?search={Uri.EscapeDataString((string)overdue["name"]!)}")).ReadJson();
        Assert.Equal(1, (int)all["total"]!);

        // A record today clears it.
        await (await am1.PostAsJsonAsync("/api/visits", new { accountId = overdueId, at = At(0, 0), summary = "补上拜访" })).Ok<JsonObject>(HttpStatusCode.Created);
        Assert.False((bool)(await (await am1.GetAsync($"/api/accounts/{overdueId}/visit-status")).ReadJson())["overdue"]!);
    }

    [Fact]
    public async Task The_most_overdue_account_comes_first_whatever_its_tier()
    {
        using var am1 = await app.As("am1");
        var stem = "逾期排序" + Guid.NewGuid().ToString("N")[..6];
        var a = await Accounts.Create(am1, new { annualPurchase = 8_000_000 }, name: Accounts.UniqueName(stem));
        var c = await Accounts.Create(am1, new { annualPurchase = 10_000 }, name: Accounts.UniqueName(stem));
        Assert.Equal("A", (string?)a["tier"]);
        Assert.Equal("C", (string?)c["tier"]);
        Guid aId = (Guid)a["id"]!, cId = (Guid)c["id"]!;
        var policy = new VisitPolicy();
        // A: 10 days overdue with a recent clock; C: 3 days overdue with a much older clock.
        await app.Change(async db =>
        {
            (await db.Unscoped<Account>().SingleAsync(x => x.Id == aId)).VisitDueBase = Today.AddDays(-policy.A - 10);
            (await db.Unscoped<Account>().SingleAsync(x => x.Id == cId)).VisitDueBase = Today.AddDays(-policy.C - 3);
        });
        var page = await (await am1.GetAsync($"/api/visits/overdue?search={Uri.EscapeDataString(stem)}")).ReadJson();
        Assert.Equal(2, (int)page["total"]!);
        var rows = page["items"]!.AsArray();
        Assert.Equal([10, 3], rows.Select(r => (int)r!["daysOverdue"]!));
        Assert.Equal(aId.ToString(), (string?)rows[0]!["accountId"]);
        var firstOnly = await (await am1.GetAsync($"/api/visits/overdue?search={Uri.EscapeDataString(stem)}&pageSize=1&page=2")).ReadJson();
        Assert.Equal(cId.ToString(), (string?)firstOnly["items"]![0]!["accountId"]);
    }

    [Fact]
    public async Task Only_the_head_sets_the_visit_policy_and_it_is_validated()
    {
        using var am1 = await app.As("am1");
        await (await am1.PutAsJsonAsync("/api/visit-policy", new { a = 10, b = 20, c = 30 })).Problem(HttpStatusCode.Forbidden);
        using var head = await app.As("head");
        var bad = await (await head.PutAsJsonAsync("/api/visit-policy", new { a = 0, b = 20, c = 10 })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["a"]);
        Assert.NotNull(bad["errors"]!["c"]);
        var saved = await (await head.PutAsJsonAsync("/api/visit-policy", new { a = 20, b = 45, c = 90 })).Ok<JsonObject>();
        Assert.Equal(20, (int)saved["a"]!);
        Assert.Equal(20, (int)(await (await am1.GetAsync("/api/visit-policy")).ReadJson())["a"]!);
        await (await head.PutAsJsonAsync("/api/visit-policy", new VisitPolicy())).Ok<JsonObject>();
    }

    [Fact]
    public async Task Calendar_lists_a_range_and_refuses_a_reversed_or_too_long_one()
    {
        using var am1 = await app.As("am1");
        var (account, _, _) = await AccountWithContacts(am1);
        var plan = await (await am1.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], at = At(3), purpose = "日历" })).Ok<JsonObject>(HttpStatusCode.Created);
        var week = await (await am1.GetAsync($"/api/visits/calendar?from={Today:yyyy-MM-dd}&to={Today.AddDays(6):yyyy-MM-dd}")).ReadJson();
        Assert.Contains(week.AsArray(), v => (string?)v!["id"] == (string?)plan["id"]);
        await (await am1.GetAsync($"/api/visits/calendar?from={Today:yyyy-MM-dd}&to={Today.AddDays(-1):yyyy-MM-dd}")).Problem(HttpStatusCode.BadRequest);
        await (await am1.GetAsync($"/api/visits/calendar?from={Today:yyyy-MM-dd}&to={Today.AddDays(90):yyyy-MM-dd}")).Problem(HttpStatusCode.BadRequest);
    }
}

[Collection(ApiCollection.Name)]
public sealed class VisitHandoverApiTests(KamFactory app)
{
    [Fact]
    public async Task Open_visit_plans_move_with_a_handed_over_book_and_records_stay_with_their_author()
    {
        var leaverName = await Users.Create(app, "visitleaver");
        var heirName = await Users.Create(app, "visitheir");
        using var admin = await app.As("admin");
        var leaverId = await Users.IdOf(admin, leaverName);
        var heirId = await Users.IdOf(admin, heirName);
        using var leaver = await app.WithPassword(leaverName, Users.Password);
        var account = await Accounts.Create(leaver);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);
        var plan = await (await leaver.PostAsJsonAsync("/api/visit-plans", new { accountId = account["id"], at = tomorrow, purpose = "交接前的计划" })).Ok<JsonObject>(HttpStatusCode.Created);
        var record = await (await leaver.PostAsJsonAsync("/api/visits", new { accountId = account["id"], at = DateTimeOffset.UtcNow.AddMinutes(-30), summary = "交接前的拜访" })).Ok<JsonObject>(HttpStatusCode.Created);

        using var head = await app.As("head");
        var preview = await (await head.GetAsync($"/api/handovers/preview?fromUserId={leaverId}&toUserId={heirId}")).ReadJson();
        var plans = preview["lines"]!.AsArray().Single(l => (string?)l!["kind"] == "handover.visit_plans")!;
        Assert.Equal(1, (int)plans["count"]!);
        await (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = heirId })).Ok<JsonObject>(HttpStatusCode.Created);

        using var heir = await app.WithPassword(heirName, Users.Password);
        var moved = await (await heir.GetAsync($"/api/visits/{plan["id"]}")).ReadJson();
        Assert.Equal(heirId.ToString(), (string?)moved["user"]!["id"]);
        Assert.True((bool)moved["can"]!["complete"]!);
        var kept = await (await heir.GetAsync($"/api/visits/{record["id"]}")).ReadJson();
        Assert.Equal(leaverId.ToString(), (string?)kept["user"]!["id"]);
    }
}
