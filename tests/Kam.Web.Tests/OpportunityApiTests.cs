using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Audit;
using Kam.Core.Common;
using Kam.Core.Exports;
using Kam.Core.Opportunities;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class OpportunityApiTests(KamFactory app)
{
    private static DateOnly Today => TimeProvider.System.Today();

    private static DateOnly FirstOfMonth(int months) => new DateOnly(Today.Year, Today.Month, 1).AddMonths(months);

    private static string Month(int months) => FirstOfMonth(months).ToString("yyyy-MM");

    private static async Task<JsonObject> Create(HttpClient client, JsonNode account, object? overrides = null)
    {
        var body = new JsonObject
        {
            ["accountId"] = (string?)account["id"],
            ["name"] = "项目" + Guid.NewGuid().ToString("N")[..6],
            ["products"] = "办公家具",
            ["expectedAmount"] = 120000.50m,
            ["stage"] = "needs",
            ["expectedSignOn"] = Today.AddDays(20).ToString("yyyy-MM-dd"),
        };
        if (overrides is not null)
        {
            foreach (var (key, value) in System.Text.Json.JsonSerializer.SerializeToNode(overrides, Json.Options)!.AsObject())
                body[key] = value?.DeepClone();
        }
        return await (await client.PostAsJsonAsync("/api/opportunities", body)).Ok<JsonObject>(HttpStatusCode.Created);
    }

    private static Task<HttpResponseMessage> Move(HttpClient client, JsonNode o, string stage, string? lostReason = null, int? rank = null) =>
        client.PostAsJsonAsync($"/api/opportunities/{o["id"]}/move", new { stage, rank, lostReason, version = (string?)o["version"] });

    [Fact]
    public async Task An_account_manager_creates_edits_wins_and_only_the_head_reopens()
    {
        using var am1 = await app.As("am1");
        using var admin = await app.As("admin");
        var am1Id = await Users.IdOf(admin, "am1");
        var account = await Accounts.Create(am1);
        var created = await Create(am1, account, new { competitors = "某品牌", nextStep = "送样", nextStepOn = Today.AddDays(3) });
        Assert.Equal(am1Id.ToString(), (string?)created["owner"]!["id"]);
        Assert.Equal(30, (int)created["probability"]!);
        Assert.Equal("需求确认", (string?)created["stageName"]);
        Assert.Equal("Open", (string?)created["status"]);
        Assert.Equal(120000.50m, (decimal)created["expectedAmount"]!);

        var edited = await (await am1.PutAsJsonAsync($"/api/opportunities/{created["id"]}", new
        {
            name = "总部办公家具项目",
            expectedAmount = 250000m,
            stage = "proposal",
            expectedSignOn = Today.AddDays(40),
            version = (string?)created["version"],
        })).Ok<JsonObject>();
        Assert.Equal("总部办公家具项目", (string?)edited["name"]);
        Assert.Equal(50, (int)edited["probability"]!);
        Assert.Null((string?)edited["competitors"]);

        // A save from a stale form is refused and changes nothing.
        var stale = await (await am1.PutAsJsonAsync($"/api/opportunities/{created["id"]}", new { name = "旧表单", expectedAmount = 1m, version = (string?)created["version"] }))
            .Problem(HttpStatusCode.Conflict);
        Assert.Equal("concurrency_conflict", (string?)stale["code"]);
        await (await Move(am1, created, "negotiation")).Problem(HttpStatusCode.Conflict);
        await (await am1.PostAsJsonAsync($"/api/opportunities/{created["id"]}/archive", new { version = (string?)created["version"] })).Problem(HttpStatusCode.Conflict);

        var won = await (await Move(am1, edited, "won")).Ok<JsonObject>();
        Assert.Equal("Won", (string?)won["status"]);
        Assert.Equal(100, (int)won["probability"]!);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string?)won["closedOn"]);
        Assert.True((bool)won["can"]!["edit"]! == false);

        // Closed: the account manager can neither reopen nor change it; the head reopens it.
        var reopen = await (await Move(am1, won, "needs")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("opportunity.reopen_only_head", (string?)reopen["code"]);
        await (await am1.PutAsJsonAsync($"/api/opportunities/{won["id"]}", new { name = "改名", expectedAmount = 1m, version = (string?)won["version"] }))
            .Problem(HttpStatusCode.Conflict);
        using var head = await app.As("head");
        var reopened = await (await Move(head, won, "negotiation")).Ok<JsonObject>();
        Assert.Equal("Open", (string?)reopened["status"]);
        Assert.Null((string?)reopened["closedOn"]);
        Assert.Equal(75, (int)reopened["probability"]!);

        var timeline = (await (await am1.GetAsync($"/api/accounts/{account["id"]}/timeline")).ReadJson()).AsArray();
        Assert.Contains(timeline, e => (string?)e!["kind"] == "timeline.opportunity_created");
        Assert.Contains(timeline, e => (string?)e!["kind"] == "timeline.opportunity_won" && (string?)e["subject"] == "总部办公家具项目");
        Assert.Contains(timeline, e => (string?)e!["kind"] == "timeline.opportunity_stage" && ((string?)e["subject"])!.Contains("需求确认 → 方案报价"));
    }

    [Fact]
    public async Task Lost_needs_a_reason_and_a_refused_save_writes_nothing()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var o = await Create(am1, account);
        var id = (Guid)o["id"]!;
        var auditsBefore = await app.Read(db => db.Unscoped<AuditEntry>().CountAsync(e => e.EntityId == id.ToString()));

        var noReason = await (await Move(am1, o, "lost")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("输单须填写原因", (string?)noReason["errors"]!["lostReason"]![0]);
        var viaForm = await (await am1.PutAsJsonAsync($"/api/opportunities/{id}", new { name = "x", expectedAmount = 1m, stage = "lost", lostReason = " ", version = (string?)o["version"] }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(viaForm["errors"]!["lostReason"]);
        var stored = await app.Read(db => db.Unscoped<Opportunity>().AsNoTracking().SingleAsync(x => x.Id == id));
        Assert.Equal(("needs", OpportunityStatus.Open, (Guid)o["version"]!), (stored.Stage, stored.Status, stored.Version));
        Assert.Equal(auditsBefore, await app.Read(db => db.Unscoped<AuditEntry>().CountAsync(e => e.EntityId == id.ToString())));

        var bad = await (await am1.PostAsJsonAsync("/api/opportunities", new { accountId = account["id"], name = "", expectedAmount = -1m, stage = "lost" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["name"]);
        Assert.NotNull(bad["errors"]!["expectedAmount"]);
        var unknownStage = await (await am1.PostAsJsonAsync("/api/opportunities", new { accountId = account["id"], name = "n", expectedAmount = 1m, stage = "nope" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(unknownStage["errors"]!["stage"]);
        var lostNoReason = await (await am1.PostAsJsonAsync("/api/opportunities", new { accountId = account["id"], name = "n", expectedAmount = 1m, stage = "lost" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(lostNoReason["errors"]!["lostReason"]);
        var accountId = (Guid)account["id"]!;
        Assert.Equal(1, await app.Read(db => db.Unscoped<Opportunity>().CountAsync(x => x.AccountId == accountId)));

        var lost = await (await Move(am1, o, "lost", "价格高于竞品")).Ok<JsonObject>();
        Assert.Equal("Lost", (string?)lost["status"]);
        Assert.Equal("价格高于竞品", (string?)lost["lostReason"]);
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string?)lost["closedOn"]);
        var timeline = (await (await am1.GetAsync($"/api/accounts/{account["id"]}/timeline")).ReadJson()).AsArray();
        Assert.Contains(timeline, e => (string?)e!["kind"] == "timeline.opportunity_lost" && ((string?)e["subject"])!.Contains("价格高于竞品"));
    }

    [Fact]
    public async Task Each_role_works_where_it_may_and_nowhere_else()
    {
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        using var admin = await app.As("admin");
        var am1Id = await Users.IdOf(admin, "am1");
        var am2Id = await Users.IdOf(admin, "am2");
        var account = await Accounts.Create(am1);
        var o = await Create(am1, account);

        // Another account manager does not see am1's account: not found, whatever they try.
        await (await am2.GetAsync($"/api/opportunities/{o["id"]}")).Problem(HttpStatusCode.NotFound);
        await (await am2.PutAsJsonAsync($"/api/opportunities/{o["id"]}", new { name = "x", expectedAmount = 1m, version = (string?)o["version"] })).Problem(HttpStatusCode.NotFound);
        await (await Move(am2, o, "proposal")).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync($"/api/opportunities/{o["id"]}/archive", new { version = (string?)o["version"] })).Problem(HttpStatusCode.NotFound);
        await (await am2.GetAsync($"/api/accounts/{account["id"]}/opportunities")).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync("/api/opportunities", new { accountId = account["id"], name = "抢单", expectedAmount = 1m })).Problem(HttpStatusCode.NotFound);
        var am2List = await (await am2.GetAsync($"/api/opportunities?search={o["name"]}")).ReadJson();
        Assert.Equal(0, (int)am2List["total"]!);

        // The executive reads everything and writes nothing; the administrator has no business data.
        using var exec = await app.As("exec");
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/opportunities/{o["id"]}")).StatusCode);
        await (await exec.PostAsJsonAsync("/api/opportunities", new { accountId = account["id"], name = "n", expectedAmount = 1m })).Problem(HttpStatusCode.Forbidden);
        await (await Move(exec, o, "proposal")).Problem(HttpStatusCode.Forbidden);
        await (await exec.PutAsJsonAsync($"/api/opportunities/{o["id"]}", new { name = "x", expectedAmount = 1m, version = (string?)o["version"] })).Problem(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/opportunities")).Problem(HttpStatusCode.Forbidden);
        await (await admin.GetAsync("/api/forecast")).Problem(HttpStatusCode.Forbidden);
        await (await admin.PostAsJsonAsync("/api/opportunities", new { accountId = account["id"], name = "n", expectedAmount = 1m })).Problem(HttpStatusCode.Forbidden);

        // The assistant works on every account; the owner defaults to the account's owner and must be on the account.
        using var assistant = await app.As("assistant");
        var byAssistant = await Create(assistant, account);
        Assert.Equal(am1Id.ToString(), (string?)byAssistant["owner"]!["id"]);
        var notOnAccount = await (await assistant.PostAsJsonAsync("/api/opportunities", new { accountId = account["id"], name = "n", expectedAmount = 1m, ownerId = am2Id })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(notOnAccount["errors"]!["ownerId"]);
        var moved = await (await Move(assistant, byAssistant, "proposal")).Ok<JsonObject>();
        Assert.Equal("proposal", (string?)moved["stage"]);
        var forAccount = await (await am1.GetAsync($"/api/accounts/{account["id"]}/opportunities")).ReadJson();
        Assert.Equal(2, (int)forAccount["total"]!);

        // Archive and restore: out of the lists, back again.
        var archived = await (await am1.PostAsJsonAsync($"/api/opportunities/{o["id"]}/archive", new { version = (string?)o["version"] })).Ok<JsonObject>();
        Assert.True((bool)archived["archived"]!);
        var current = await (await am1.GetAsync($"/api/opportunities?accountId={account["id"]}")).ReadJson();
        Assert.Equal(1, (int)current["total"]!);
        var archivedList = await (await am1.GetAsync($"/api/opportunities?accountId={account["id"]}&archived=true")).ReadJson();
        Assert.Equal((string?)o["id"], (string?)archivedList["items"]![0]!["id"]);
        await (await Move(am1, archived, "proposal")).Problem(HttpStatusCode.Conflict);
        var restored = await (await am1.PostAsJsonAsync($"/api/opportunities/{o["id"]}/restore", new { version = (string?)archived["version"] })).Ok<JsonObject>();
        Assert.False((bool)restored["archived"]!);
    }

    [Fact]
    public async Task The_list_filters_sorts_pages_and_exports_under_the_data_scope()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await Create(am1, account, new { name = $"甲{tag}", expectedAmount = 300m, stage = "contact", expectedSignOn = FirstOfMonth(1) });
        await Create(am1, account, new { name = $"乙{tag}", expectedAmount = 100m, stage = "proposal", expectedSignOn = FirstOfMonth(2) });
        await Create(am1, account, new { name = $"丙{tag}", expectedAmount = 200m, stage = "proposal", expectedSignOn = FirstOfMonth(2).AddDays(5) });

        var byAmount = await (await am1.GetAsync($"/api/opportunities?search={tag}&sort=-expectedAmount")).ReadJson();
        Assert.Equal(new[] { $"甲{tag}", $"丙{tag}", $"乙{tag}" }, byAmount["items"]!.AsArray().Select(i => (string?)i!["name"]));
        var stage = await (await am1.GetAsync($"/api/opportunities?search={tag}&stage=proposal&month={Month(2)}&pageSize=1&sort=name")).ReadJson();
        Assert.Equal(2, (int)stage["total"]!);
        Assert.Single(stage["items"]!.AsArray());
        var byAccount = await (await am1.GetAsync($"/api/opportunities?search={Uri.EscapeDataString(((string)account["name"]!)[..10])}")).ReadJson();
        Assert.Equal(3, (int)byAccount["total"]!);

        var export = await am1.GetAsync($"/api/opportunities/export?search={tag}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(rows, r => (string)r["项目名称"] == $"甲{tag}" && (string)r["阶段"] == "初步接触");
        var logged = await app.Read(db => db.Unscoped<ExportLog>().Where(l => l.Kind == "opportunities" && l.Filter.Contains(tag)).Select(l => l.Rows).ToListAsync());
        Assert.Equal([3], logged);
    }

    [Fact]
    public async Task The_board_counts_and_sums_each_stage_and_a_drag_places_the_card()
    {
        var amName = await Users.Create(app, "board");
        using var am = await app.WithPassword(amName, Users.Password);
        var account = await Accounts.Create(am);
        var a = await Create(am, account, new { expectedAmount = 100m, stage = "proposal" });
        var b = await Create(am, account, new { expectedAmount = 200.25m, stage = "proposal" });
        var c = await Create(am, account, new { expectedAmount = 50m, stage = "contact" });
        var lost = await Create(am, account, new { expectedAmount = 70m, stage = "lost", lostReason = "预算取消" });

        var board = await (await am.GetAsync("/api/opportunities/pipeline")).ReadJson();
        JsonNode Column(JsonNode boardNode, string key) => boardNode["columns"]!.AsArray().Single(col => (string?)col!["stage"]!["key"] == key)!;
        Assert.Equal(2, (int)Column(board, "proposal")["count"]!);
        Assert.Equal(300.25m, (decimal)Column(board, "proposal")["amount"]!);
        // What enters a stage comes on top.
        Assert.Equal(new[] { b["id"]!.ToString(), a["id"]!.ToString() }, Column(board, "proposal")["cards"]!.AsArray().Select(x => x!["id"]!.ToString()));
        Assert.Equal(1, (int)Column(board, "lost")["count"]!);
        Assert.Equal((string?)lost["id"], (string?)Column(board, "lost")["cards"]![0]!["id"]);

        // Dragged into 方案报价 onto the second card: it takes that place.
        var second = (int)Column(board, "proposal")["cards"]![1]!["rank"]!;
        var moved = await (await Move(am, c, "proposal", rank: second)).Ok<JsonObject>();
        Assert.Equal(50, (int)moved["probability"]!);
        board = await (await am.GetAsync("/api/opportunities/pipeline")).ReadJson();
        Assert.Equal(new[] { b["id"]!.ToString(), c["id"]!.ToString(), a["id"]!.ToString() }, Column(board, "proposal")["cards"]!.AsArray().Select(x => x!["id"]!.ToString()));
        Assert.Equal(0, (int)Column(board, "contact")["count"]!);
        Assert.Equal(350.25m, (decimal)Column(board, "proposal")["amount"]!);
    }

    [Fact]
    public async Task The_head_configures_the_stages_within_the_rules_and_probabilities_follow()
    {
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var stages = (await (await am1.GetAsync("/api/opportunity-stages")).ReadJson()).AsArray();
        Assert.Equal(OpportunityStages.Default.Select(s => s.Key), stages.Select(s => (string?)s!["key"]));
        await (await am1.PutAsJsonAsync("/api/opportunity-stages", OpportunityStages.Default)).Problem(HttpStatusCode.Forbidden);
        using var assistant = await app.As("assistant");
        await (await assistant.PutAsJsonAsync("/api/opportunity-stages", OpportunityStages.Default)).Problem(HttpStatusCode.Forbidden);

        var bad = await (await head.PutAsJsonAsync("/api/opportunity-stages", new[]
        {
            new OpportunityStage("contact", "初步接触", 120),
            new OpportunityStage("contact", "", 10),
            new OpportunityStage("won", "赢单", 100, OpportunityStatus.Won),
            new OpportunityStage("won2", "也赢", 100, OpportunityStatus.Won),
        })).Problem(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!.AsObject().Select(e => e.Key).ToList();
        Assert.Contains("stages[0].probability", errors);
        Assert.Contains("stages[1].key", errors);
        Assert.Contains("stages[1].name", errors);
        Assert.Contains("stages", errors);

        var account = await Accounts.Create(am1);
        var o = await Create(am1, account, new { stage = "negotiation" });
        try
        {
            var withoutNegotiation = OpportunityStages.Default.Where(s => s.Key != "negotiation").ToList();
            var inUse = await (await head.PutAsJsonAsync("/api/opportunity-stages", withoutNegotiation)).Problem(HttpStatusCode.BadRequest);
            Assert.Contains("商务谈判", (string?)inUse["errors"]!["stages"]![0]);

            var changed = OpportunityStages.Default.Select(s => s.Key == "negotiation" ? s with { Name = "商务谈判中", Probability = 80 } : s).ToList();
            changed.Insert(4, new OpportunityStage("contract", "合同审批", 90));
            var saved = (await (await head.PutAsJsonAsync("/api/opportunity-stages", changed)).ReadJson()).AsArray();
            Assert.Equal(7, saved.Count);
            var after = await (await am1.GetAsync($"/api/opportunities/{o["id"]}")).ReadJson();
            Assert.Equal(80, (int)after["probability"]!);
            Assert.Equal("商务谈判中", (string?)after["stageName"]);
            var board = await (await am1.GetAsync("/api/opportunities/pipeline")).ReadJson();
            Assert.Equal(changed.Select(s => s.Key), board["columns"]!.AsArray().Select(c => (string?)c!["stage"]!["key"]));
        }
        finally
        {
            await (await head.PutAsJsonAsync("/api/opportunity-stages", OpportunityStages.Default)).Ok<JsonArray>();
        }
        var restored = await (await am1.GetAsync($"/api/opportunities/{o["id"]}")).ReadJson();
        Assert.Equal(75, (int)restored["probability"]!);
    }

    [Fact]
    public async Task The_forecast_sums_each_month_weighted_and_unweighted_with_the_won_amounts()
    {
        var amName = await Users.Create(app, "fcast");
        using var am = await app.WithPassword(amName, Users.Password);
        using var admin = await app.As("admin");
        var amId = await Users.IdOf(admin, amName);
        var account = await Accounts.Create(am);
        await Create(am, account, new { expectedAmount = 100000m, stage = "proposal", expectedSignOn = FirstOfMonth(0).AddDays(Today.Day - 1) });     // 50 %
        await Create(am, account, new { expectedAmount = 33333.33m, stage = "contact", expectedSignOn = FirstOfMonth(1).AddDays(9) });  // 10 %
        await Create(am, account, new { expectedAmount = 12345.67m, stage = "negotiation", expectedSignOn = FirstOfMonth(1) });         // 75 %
        await Create(am, account, new { expectedAmount = 50000m, stage = "won", expectedSignOn = FirstOfMonth(2) });                    // won today
        await Create(am, account, new { expectedAmount = 80000m, stage = "lost", lostReason = "丢单", expectedSignOn = FirstOfMonth(1) });
        await Create(am, account, new { expectedAmount = 999m, stage = "needs", expectedSignOn = FirstOfMonth(3) });                    // out of range
        var archived = await Create(am, account, new { expectedAmount = 777m, stage = "needs", expectedSignOn = FirstOfMonth(1) });
        await (await am.PostAsJsonAsync($"/api/opportunities/{archived["id"]}/archive", new { version = (string?)archived["version"] })).Ok<JsonObject>();

        var own = await (await am.GetAsync($"/api/forecast?from={Month(0)}&to={Month(2)}")).ReadJson();
        Assert.Equal(new[] { Month(0), Month(1), Month(2) }, own["months"]!.AsArray().Select(m => (string?)m));
        var person = Assert.Single(own["people"]!.AsArray())!;
        Assert.Equal(amId.ToString(), (string?)person["person"]!["id"]);
        var months = person["months"]!.AsArray();
        Assert.Equal((100000m, 50000m, 50000m), ((decimal)months[0]!["open"]!, (decimal)months[0]!["weighted"]!, (decimal)months[0]!["won"]!));
        // 33,333.33 × 10 % + 12,345.67 × 75 % = 3,333.333 + 9,259.2525 = 12,592.5855 → 12,592.59
        Assert.Equal((45679.00m, 12592.59m, 0m), ((decimal)months[1]!["open"]!, (decimal)months[1]!["weighted"]!, (decimal)months[1]!["won"]!));
        Assert.Equal((0m, 0m, 0m), ((decimal)months[2]!["open"]!, (decimal)months[2]!["weighted"]!, (decimal)months[2]!["won"]!));
        Assert.Equal((145679.00m, 62592.59m, 50000m), ((decimal)person["open"]!, (decimal)person["weighted"]!, (decimal)person["won"]!));
        Assert.Equal(145679.00m, (decimal)own["department"]!["open"]!);

        // An account manager's forecast is their own, whoever they ask for; the head sees each person and the department.
        using var admin2 = await app.As("admin");
        var am1Id = await Users.IdOf(admin2, "am1");
        var asked = await (await am.GetAsync($"/api/forecast?from={Month(0)}&to={Month(2)}&ownerId={am1Id}")).ReadJson();
        Assert.Empty(asked["people"]!.AsArray());
        using var head = await app.As("head");
        var department = await (await head.GetAsync($"/api/forecast?from={Month(0)}&to={Month(2)}")).ReadJson();
        var theirs = department["people"]!.AsArray().Single(p => (string?)p!["person"]!["id"] == amId.ToString())!;
        Assert.Equal(62592.59m, (decimal)theirs["weighted"]!);
        Assert.True((decimal)department["department"]!["open"]! >= 145679.00m);
        var filtered = await (await head.GetAsync($"/api/forecast?from={Month(0)}&to={Month(2)}&ownerId={amId}")).ReadJson();
        Assert.Equal(145679.00m, (decimal)filtered["department"]!["open"]!);
        Assert.Equal(50000m, (decimal)filtered["department"]!["won"]!);

        var badMonth = await (await head.GetAsync("/api/forecast?from=2026-13")).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(badMonth["errors"]!["from"]);
        var tooLong = await (await head.GetAsync($"/api/forecast?from={Month(0)}&to={Month(30)}")).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooLong["errors"]!["to"]);
    }

    [Fact]
    public async Task A_handover_moves_the_leavers_open_projects_and_leaves_the_closed_ones()
    {
        var leaverName = await Users.Create(app, "oleaver");
        var receiverName = await Users.Create(app, "oheir");
        using var admin = await app.As("admin");
        var leaverId = await Users.IdOf(admin, leaverName);
        var receiverId = await Users.IdOf(admin, receiverName);
        using var leaver = await app.WithPassword(leaverName, Users.Password);
        var account = await Accounts.Create(leaver);
        var open = await Create(leaver, account, new { name = "进行中项目" });
        var won = await Create(leaver, account, new { name = "已赢项目", stage = "won" });

        using var head = await app.As("head");
        var preview = await (await head.GetAsync($"/api/handovers/preview?fromUserId={leaverId}&toUserId={receiverId}")).ReadJson();
        var line = preview["lines"]!.AsArray().Single(l => (string?)l!["kind"] == "handover.opportunities")!;
        Assert.Equal(1, (int)line["count"]!);
        Assert.Contains("进行中项目", (string?)line["items"]![0]);
        (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = receiverId })).EnsureSuccessStatusCode();

        using var receiver = await app.WithPassword(receiverName, Users.Password);
        Assert.Equal(receiverId.ToString(), (string?)(await (await receiver.GetAsync($"/api/opportunities/{open["id"]}")).ReadJson())["owner"]!["id"]);
        Assert.Equal(leaverId.ToString(), (string?)(await (await head.GetAsync($"/api/opportunities/{won["id"]}")).ReadJson())["owner"]!["id"]);
    }
}
