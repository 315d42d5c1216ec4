using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Notifications;
using Kam.Core.Service;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>
/// Complaints and customer problems (客户投诉与问题): deadlines in working time across weekends, holidays, make-up days
/// and waits; warnings, breaches and escalation once each; the way to closing; who may see and do what; the figures.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ServiceApiTests(KamFactory app)
{
    private static DateTimeOffset Local(int y, int m, int d, int h, int min = 0) => new DateTimeOffset(y, m, d, h, min, 0, TimeSpan.FromHours(8)).ToUniversalTime();

    private static Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock(DateTimeOffset at) => new(at);

    private static CaseInput Case(Guid account, CaseKind kind, CaseSeverity severity, DateTimeOffset? received = null, Guid? handler = null, string title = "到货破损") =>
        new(kind, account, null, CaseChannel.Phone, "quality", severity, title, "客户反映一批货到货时外包装破损", HandlerId: handler, ReceivedAt: received);

    private async Task<T> As<T>(string user, DateTimeOffset at, Func<IServiceProvider, TimeProviderScope, Task<T>> act)
    {
        await using var s = await SystemScope.As(app, user);
        return await act(s.Services, new TimeProviderScope(s, Clock(at)));
    }

    /// <summary>Builds Kam's use cases on a fake clock inside a person's scope.</summary>
    public sealed record TimeProviderScope(SystemScope Scope, TimeProvider Clock)
    {
        public T Get<T>() => Scope.Build<T>(Clock);
    }

    private async Task<Guid> Step(string user, DateTimeOffset at, Func<CaseFlow, Task<Kam.Core.Common.Result>> step)
    {
        var done = await As(user, at, (_, s) => step(s.Get<CaseFlow>()));
        Assert.True(done.IsSuccess, done.Error?.Code + " " + string.Join(",", done.Error?.Fields.Select(f => f.Field + ":" + f.Code) ?? []));
        return Guid.Empty;
    }

    private Task<ServiceCase> Load(Guid id) => app.Read(db => db.Unscoped<ServiceCase>().AsNoTracking().SingleAsync(c => c.Id == id));

    [Fact]
    public async Task Deadlines_count_working_time_across_the_national_day_week_its_make_up_saturday_and_stand_still_while_the_customer_is_awaited()
    {
        using var am1 = await app.As("am1");
        var account = Guid.Parse((string)(await Accounts.Create(am1))["id"]!);
        // Wednesday 30 September 2026, 17:00: a serious complaint (4 h to answer, 3 working days to resolve).
        var received = Local(2026, 9, 30, 17);
        var created = await As("am1", received, (_, s) => s.Get<SaveCase>().Create(Case(account, CaseKind.Complaint, CaseSeverity.Serious, received)));
        Assert.True(created.IsSuccess);
        var id = created.Value;
        var c = await Load(id);
        Assert.Equal(Local(2026, 10, 8, 12), c.ResponseDueAt);   // 60 on the 30th, the holiday week skipped, 180 on the 8th
        Assert.Equal(Local(2026, 10, 10, 17), c.ResolutionDueAt); // the make-up Saturday is a working day

        await Step("am1", Local(2026, 10, 8, 9, 30), f => f.Acknowledge(id, new CaseActionInput("已致电客户，安排明天上门查看")));
        Assert.Equal(90, (await Load(id)).ResponseMinutes);
        // Waiting for the customer from Friday 09:00 to Monday 10:00: 1,020 working minutes (Friday, the worked
        // Saturday and Monday's first hour) move the deadline from Saturday 17:00 to Tuesday 18:00.
        await Step("am1", Local(2026, 10, 9, 9), f => f.Wait(id, new CaseActionInput("等客户提供破损照片")));
        await Step("am1", Local(2026, 10, 12, 10), f => f.Resume(id, new CaseActionInput("照片已收到")));
        c = await Load(id);
        Assert.Equal((1020, Local(2026, 10, 13, 18)), (c.PausedMinutes, c.ResolutionDueAt));
        await Step("am1", Local(2026, 10, 13, 17), f => f.Resolve(id, new CaseActionInput(Resolution: "补发 2 件", RootCause: "外包装强度不足", CorrectiveAction: "更换五层瓦楞纸箱")));
        c = await Load(id);
        Assert.Equal(2400 - 1020, c.ResolutionMinutes);
        Assert.Null(c.ResolutionBreachedAt);
        Assert.Null(c.ResponseBreachedAt);
        var view = await (await am1.GetAsync($"/api/cases/{id}")).Ok<JsonObject>();
        Assert.Equal(["Opened", "Acknowledged", "Waiting", "Resumed", "Resolved"], view["events"]!.AsArray().Select(e => (string)e!["kind"]!).ToArray());

        // Not satisfied on Thursday 10:00: reopened, the 600 working minutes it stood resolved do not count against it —
        // the deadline moves from Tuesday 18:00 to Thursday 11:00 and nothing is breached.
        await Step("am1", Local(2026, 10, 15, 10), f => f.Confirm(id, new CaseActionInput("还有一件没补", Satisfied: false)));
        c = await Load(id);
        Assert.Equal((CaseStatus.InProgress, 1, 1620, Local(2026, 10, 15, 11)), (c.Status, c.ReopenCount, c.PausedMinutes, c.ResolutionDueAt));
        Assert.Null(c.ResolutionBreachedAt);
    }

    [Fact]
    public async Task The_warning_the_breach_and_the_escalation_of_a_critical_complaint_go_out_once_each()
    {
        using var am1 = await app.As("am1");
        var account = Guid.Parse((string)(await Accounts.Create(am1))["id"]!);
        // Monday 16 September 2030, 09:00: a critical complaint, 2 h to answer (warning at 75%: 10:30).
        var received = Local(2030, 9, 16, 9);
        var created = await As("am1", received, (_, s) => s.Get<SaveCase>().Create(Case(account, CaseKind.Complaint, CaseSeverity.Critical, received)));
        var id = created.Value;
        async Task<int> Run(DateTimeOffset at)
        {
            await using var s = new SystemScope(app);
            return await s.Build<ServiceReminders>(Clock(at)).RunAsync();
        }
        Task<List<Notification>> Sent() => app.Read(db => db.Unscoped<Notification>().AsNoTracking().Where(n => n.Key.Contains(id.ToString())).ToListAsync());

        await Run(Local(2030, 9, 16, 10, 15));
        Assert.DoesNotContain(await Sent(), n => n.Kind == NotificationKinds.CaseWarning);
        await Run(Local(2030, 9, 16, 10, 35));
        await Run(Local(2030, 9, 16, 10, 50));
        var warned = (await Sent()).Where(n => n.Kind == NotificationKinds.CaseWarning).ToList();
        var am1Id = await app.Read(db => db.Users.Where(u => u.UserName == "am1").Select(u => u.Id).SingleAsync());
        Assert.Equal([am1Id], warned.Select(n => n.UserId));

        await Run(Local(2030, 9, 16, 11, 5));
        await Run(Local(2030, 9, 16, 11, 20));
        var breached = (await Sent()).Where(n => n.Kind == NotificationKinds.CaseBreached).ToList();
        var heads = await app.Read(db => db.Users.Where(u => u.UserName == "head" || u.UserName == "exec").Select(u => u.Id).ToListAsync());
        Assert.Contains(am1Id, breached.Select(n => n.UserId));
        Assert.All(heads, h => Assert.Single(breached, n => n.UserId == h));
        Assert.Equal(breached.Count, breached.Select(n => n.UserId).Distinct().Count());
        var c = await Load(id);
        Assert.Equal(c.ResponseDueAt, c.ResponseBreachedAt);
        Assert.Single(await app.Read(db => db.Unscoped<CaseEvent>().Where(e => e.CaseId == id && e.Kind == CaseEventKind.ResponseBreached).ToListAsync()));

        // Answered late: the breach stays on the case; the resolution clock warns and breaches in its turn.
        await Step("am1", Local(2030, 9, 16, 14), f => f.Acknowledge(id, new CaseActionInput("已回电致歉")));
        await Run(Local(2030, 9, 17, 14));   // past 75% of the two days (Tuesday 12:00)
        await Run(Local(2030, 9, 18, 9, 30)); // past Tuesday 18:00
        c = await Load(id);
        Assert.Equal(c.ResolutionDueAt, c.ResolutionBreachedAt);
        var sent = await Sent();
        Assert.Single(sent, n => n.Kind == NotificationKinds.CaseWarning && n.Key.EndsWith(":resolution"));
        Assert.All(heads, h => Assert.Single(sent, n => n.UserId == h && n.Key.EndsWith(":resolution")));
    }

    [Fact]
    public async Task A_case_is_closed_only_once_resolved_a_critical_complaint_only_by_the_head_and_other_managers_never_see_it()
    {
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        using var head = await app.As("head");
        using var assistant = await app.As("assistant");
        using var exec = await app.As("exec");
        var account = await Accounts.Create(am1);
        var accountId = (string)account["id"]!;

        var bad = await (await am1.PostAsJsonAsync("/api/cases", new { title = "", accountId = (string?)null })).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "kind", "channel", "severity", "category", "title", "description", "accountId" })
            Assert.True(bad["errors"]![field] is not null, field);
        var foreign = await Accounts.Create(am2);
        var elsewhere = await (await am1.PostAsJsonAsync("/api/cases", new { kind = "Complaint", accountId = foreign["id"], channel = "Phone", category = "quality", severity = "Normal", title = "x", description = "y" }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(elsewhere["errors"]!["accountId"]);
        await (await exec.PostAsJsonAsync("/api/cases", new { kind = "Complaint", accountId, channel = "Phone", category = "quality", severity = "Normal", title = "x", description = "y" }))
            .Problem(HttpStatusCode.Forbidden);

        var created = await (await am1.PostAsJsonAsync("/api/cases", new
        {
            kind = "Complaint",
            accountId,
            channel = "WeChat",
            category = "delivery",
            severity = "Critical",
            title = "整批延迟交付",
            description = "项目工期受影响，客户要求说明",
        })).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Matches(@"^KF-\d{4}-\d{6}$", (string?)created["number"]);
        Assert.Equal("New", (string?)created["status"]);
        Assert.Equal("am1", await app.Read(db => db.Users.Where(u => u.Id == Guid.Parse((string)created["handler"]!["id"]!)).Select(u => u.UserName).SingleAsync()));

        await (await am2.GetAsync($"/api/cases/{id}")).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync($"/api/cases/{id}/acknowledge", new { note = "看看" })).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await am2.GetAsync("/api/cases?pageSize=200")).Ok<JsonObject>())["items"]!.AsArray(), r => (string?)r!["id"] == id);
        Assert.Contains((await (await head.GetAsync($"/api/cases?search={created["number"]}")).Ok<JsonObject>())["items"]!.AsArray(), r => (string?)r!["id"] == id);
        await (await exec.PostAsJsonAsync($"/api/cases/{id}/acknowledge", new { note = "看看" })).Problem(HttpStatusCode.Forbidden);

        // A photo of the damage on the case: its handler uploads it, another manager cannot, it shows on the case.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
        var photo = await (await am1.PostAsync($"/api/cases/{id}/attachments", Uploads.File("破损照片.png", png, "image/png"))).Ok<JsonObject>(HttpStatusCode.Created);
        await (await am2.PostAsync($"/api/cases/{id}/attachments", Uploads.File("x.png", png, "image/png"))).Problem(HttpStatusCode.NotFound);
        await (await am1.PostAsync($"/api/cases/{id}/attachments", Uploads.File("fake.png", [1, 2, 3, 4, 5, 6, 7, 8, 9], "image/png"))).Problem(HttpStatusCode.BadRequest);
        var withPhoto = await (await head.GetAsync($"/api/cases/{id}")).Ok<JsonObject>();
        Assert.Equal("破损照片.png", (string?)withPhoto["attachments"]![0]!["fileName"]);
        Assert.Equal(HttpStatusCode.OK, (await am1.GetAsync($"/api/attachments/{photo["id"]}")).StatusCode);
        await (await am2.GetAsync($"/api/attachments/{photo["id"]}")).Problem(HttpStatusCode.NotFound);

        var early = await (await am1.PostAsJsonAsync($"/api/cases/{id}/close", new { })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("case.close_needs_resolution", (string?)early["code"]);
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/acknowledge", new { note = "" })).Problem(HttpStatusCode.BadRequest);
        var acknowledged = await (await am1.PostAsJsonAsync($"/api/cases/{id}/acknowledge", new { note = "已向客户致歉并说明原因", version = created["version"] })).Ok<JsonObject>();
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/progress", new { note = "重复", version = created["version"] })).Problem(HttpStatusCode.Conflict);
        var noCause = await (await am1.PostAsJsonAsync($"/api/cases/{id}/resolve", new { resolution = "加急补发" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noCause["errors"]!["rootCause"]);
        Assert.NotNull(noCause["errors"]!["correctiveAction"]);
        var resolved = await (await am1.PostAsJsonAsync($"/api/cases/{id}/resolve", new
        {
            resolution = "加急补发，客户现场确认",
            rootCause = "排产计划未锁定",
            correctiveAction = "大客户订单单独排产",
            version = acknowledged["version"],
        })).Ok<JsonObject>();
        Assert.Equal("Resolved", (string?)resolved["status"]);

        // Not satisfied: reopened; resolved again; satisfied; am1 may not close a critical complaint, the head does.
        var unhappy = await (await assistant.PostAsJsonAsync($"/api/cases/{id}/confirm", new { satisfied = false, note = "客户认为补发仍太慢" })).Ok<JsonObject>();
        Assert.Equal(("InProgress", 1), ((string?)unhappy["status"], (int)unhappy["reopenCount"]!));
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/resolve", new { resolution = "剩余货物已送达", rootCause = "排产计划未锁定", correctiveAction = "大客户订单单独排产" })).Ok<JsonObject>();
        await (await assistant.PostAsJsonAsync($"/api/cases/{id}/confirm", new { })).Problem(HttpStatusCode.BadRequest);
        await (await assistant.PostAsJsonAsync($"/api/cases/{id}/confirm", new { satisfied = true, note = "满意" })).Ok<JsonObject>();
        Assert.Equal("case.close_head_only", (string?)(await (await am1.PostAsJsonAsync($"/api/cases/{id}/close", new { })).Problem(HttpStatusCode.Forbidden))["code"]);
        await (await assistant.PostAsJsonAsync($"/api/cases/{id}/close", new { })).Problem(HttpStatusCode.Forbidden);
        var closed = await (await head.PostAsJsonAsync($"/api/cases/{id}/close", new { note = "部长签字关闭" })).Ok<JsonObject>();
        Assert.Equal(("Closed", true), ((string?)closed["status"], (bool)closed["customerSatisfied"]!));
        await (await am1.PutAsJsonAsync($"/api/cases/{id}", new { kind = "Complaint", accountId, channel = "WeChat", category = "delivery", severity = "Normal", title = "改", description = "改", version = closed["version"] }))
            .Problem(HttpStatusCode.Conflict);

        // The account's service and the handover: am1's open cases move to the receiver with the history saying so.
        var listed = await (await am1.GetAsync($"/api/cases?account={accountId}&status=Closed")).Ok<JsonObject>();
        Assert.Single(listed["items"]!.AsArray());
        var timeline = await (await am1.GetAsync($"/api/accounts/{accountId}/timeline")).ReadJson();
        Assert.True(timeline.ToJsonString().Contains("timeline.case_closed"), timeline.ToJsonString());
    }

    [Fact]
    public async Task A_handler_hands_a_case_to_someone_who_sees_the_account_a_visit_becomes_a_case_and_the_desk_changes_its_terms()
    {
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        using var head = await app.As("head");
        var account = await Accounts.Create(am1);
        var accountId = (string)account["id"]!;
        var visit = await (await am1.PostAsJsonAsync("/api/visits", new
        {
            accountId,
            at = DateTimeOffset.UtcNow.AddHours(-2),
            summary = "季度走访",
            customerRequests = "希望下月起改为每周送货",
        })).ReadJson();
        var created = await (await am1.PostAsJsonAsync("/api/cases", new
        {
            kind = "Problem",
            accountId,
            channel = "Visit",
            category = "delivery",
            severity = "Normal",
            title = "改为每周送货",
            description = (string?)visit["customerRequests"] ?? "希望下月起改为每周送货",
            visitId = visit["id"],
        })).Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal((string?)visit["id"], (string?)created["visit"]!["id"]);
        var id = (string)created["id"]!;

        var normalDue = DateTimeOffset.Parse((string)created["resolutionDueAt"]!);
        var serious = await (await head.PutAsJsonAsync($"/api/cases/{id}", new
        {
            kind = "Problem",
            accountId,
            channel = "Visit",
            category = "delivery",
            severity = "Serious",
            title = "改为每周送货",
            description = "客户希望下月起改为每周送货",
            version = created["version"],
        })).Ok<JsonObject>();
        Assert.True(DateTimeOffset.Parse((string)serious["resolutionDueAt"]!) < normalDue);

        // The handler may not change what the deadlines rest on; the head may.
        var lowered = new { kind = "Problem", accountId, channel = "Visit", category = "delivery", severity = "Normal", title = "改为每周送货", description = "客户希望下月起改为每周送货", version = serious["version"] };
        Assert.Equal("case.terms_desk_only", (string?)(await (await am1.PutAsJsonAsync($"/api/cases/{id}", lowered)).Problem(HttpStatusCode.Forbidden))["code"]);

        // Handed only to someone who sees the account: not am2 (another manager's account), but the assistant.
        var am2Id = await app.Read(db => db.Users.Where(u => u.UserName == "am2").Select(u => u.Id).SingleAsync());
        var assistantId = await app.Read(db => db.Users.Where(u => u.UserName == "assistant").Select(u => u.Id).SingleAsync());
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/handover", new { handlerId = Guid.NewGuid() })).Problem(HttpStatusCode.BadRequest);
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/handover", new { handlerId = am2Id })).Problem(HttpStatusCode.BadRequest);
        var handed = await (await am1.PostAsJsonAsync($"/api/cases/{id}/handover", new { handlerId = assistantId, note = "物流由内勤跟进" })).Ok<JsonObject>();
        Assert.Equal(assistantId.ToString(), (string?)handed["handler"]!["id"]);
        var handover = handed["events"]!.AsArray().Last()!;
        Assert.Equal(("HandedOver", "物流由内勤跟进"), ((string?)handover["kind"], (string?)handover["note"]));
        Assert.NotNull(handover["fromName"]);
        // am1 no longer handles it (still sees it: it is their account's); the assistant was told.
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/acknowledge", new { note = "收到" })).Problem(HttpStatusCode.Forbidden);
        Assert.True(await app.Read(db => db.Unscoped<Notification>().AnyAsync(n => n.UserId == assistantId && n.Kind == NotificationKinds.CaseAssigned && n.Link == $"/cases/{id}")));
        await (await am2.PostAsJsonAsync($"/api/cases/{id}/handover", new { handlerId = am2Id })).Problem(HttpStatusCode.NotFound);
        var export = await head.GetAsync($"/api/cases/export?account={accountId}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task The_complaint_figures_are_exact_for_a_known_set_of_cases()
    {
        using var am1 = await app.As("am1");
        var handlerName = await Users.Create(app, "svc");
        var handler = await app.Read(db => db.Users.Where(u => u.UserName == handlerName).Select(u => u.Id).SingleAsync());
        // The handler's own account: a case goes only to someone who sees its account.
        using var handlerClient = await app.WithPassword(handlerName, Users.Password);
        var account = Guid.Parse((string)(await Accounts.Create(handlerClient))["id"]!);
        var monday = Local(2029, 3, 5, 9);
        async Task<Guid> Open(CaseKind kind, CaseSeverity severity, DateTimeOffset at)
        {
            var created = await As("head", at, (_, s) => s.Get<SaveCase>().Create(Case(account, kind, severity, at, handler)));
            Assert.True(created.IsSuccess);
            return created.Value;
        }
        CaseActionInput Fix(string text) => new(Resolution: text, RootCause: "原因", CorrectiveAction: "措施");

        var c1 = await Open(CaseKind.Complaint, CaseSeverity.Normal, monday);
        await Step("head", monday.AddMinutes(30), f => f.Acknowledge(c1, new CaseActionInput("收到")));
        await Step("head", monday.AddHours(2), f => f.Resolve(c1, Fix("已处理")));
        await Step("head", monday.AddHours(3), f => f.Confirm(c1, new CaseActionInput(Satisfied: true)));

        var c2 = await Open(CaseKind.Complaint, CaseSeverity.Critical, monday);
        await Step("head", Local(2029, 3, 5, 13), f => f.Acknowledge(c2, new CaseActionInput("收到"))); // 180 min: past its 120
        await Step("head", Local(2029, 3, 6, 10), f => f.Resolve(c2, Fix("已处理"))); // 480 + 60
        await Step("head", Local(2029, 3, 6, 10, 30), f => f.Confirm(c2, new CaseActionInput("不满意", Satisfied: false)));
        await Step("head", Local(2029, 3, 6, 11), f => f.Resolve(c2, Fix("再次处理"))); // 600, less the 30 it stood resolved: 570
        await Step("head", Local(2029, 3, 6, 11, 30), f => f.Confirm(c2, new CaseActionInput(Satisfied: true)));

        var c3 = await Open(CaseKind.Problem, CaseSeverity.Normal, Local(2029, 3, 5, 10));
        await Step("head", Local(2029, 3, 5, 10, 10), f => f.Acknowledge(c3, new CaseActionInput("收到")));

        using var head = await app.As("head");
        var stats = await (await head.GetAsync("/api/cases/stats?from=2029-03-05&to=2029-03-06&groupBy=person")).Ok<JsonObject>();
        var mine = stats["groups"]!.AsArray().Single(g => (string?)g!["key"] == handler.ToString())!;
        Assert.Equal((3, 3, 2, 2, 2), ((int)mine["count"]!, (int)mine["responded"]!, (int)mine["respondedOnTime"]!, (int)mine["resolved"]!, (int)mine["resolvedOnTime"]!));
        Assert.Equal((73.3, 180, 345.0, 570), ((double)mine["averageResponseMinutes"]!, (int)mine["p90ResponseMinutes"]!, (double)mine["averageResolutionMinutes"]!, (int)mine["p90ResolutionMinutes"]!));
        Assert.Equal((1, 2, 2), ((int)mine["reopened"]!, (int)mine["confirmed"]!, (int)mine["satisfied"]!));
        Assert.Equal(1.0 / 3, (double)mine["reopenRate"]!, 6);
        Assert.Equal(2.0 / 3, (double)mine["responseOnTimeRate"]!, 6);
        Assert.Equal(1.0, (double)mine["satisfiedRate"]!);
        await (await head.GetAsync("/api/cases/stats?groupBy=nonsense")).Problem(HttpStatusCode.BadRequest);
        await (await head.GetAsync("/api/cases/stats?from=2029-03-06&to=2029-03-05")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_head_sets_the_deadlines_and_categories_and_the_admin_the_calendar()
    {
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        using var admin = await app.As("admin");
        var policy = await (await am1.GetAsync("/api/sla-policies")).Ok<JsonObject>();
        Assert.Equal(9, policy["rules"]!.AsArray().Count);
        Assert.Equal(75, (int)policy["warnPercent"]!);
        await (await am1.PutAsJsonAsync("/api/sla-policies", new { rules = policy["rules"], warnPercent = 75, categories = policy["categories"], version = policy["version"] }))
            .Problem(HttpStatusCode.Forbidden);
        var bad = await (await head.PutAsJsonAsync("/api/sla-policies", new
        {
            rules = new[] { new { kind = "Complaint", severity = "Critical", responseMinutes = 600, resolutionMinutes = 300 } },
            warnPercent = 5,
            categories = new[] { new { code = "bad code!", name = "x" } },
            version = policy["version"],
        })).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "rules[0]", "warnPercent", "categories[0].code" })
            Assert.True(bad["errors"]![field] is not null, field);

        var calendar = await (await am1.GetAsync("/api/work-calendar")).Ok<JsonObject>();
        Assert.Contains("2026-10-10", calendar["workdays"]!.AsArray().Select(d => (string)d!));
        await (await head.PutAsJsonAsync("/api/work-calendar", new { periods = calendar["periods"], holidays = calendar["holidays"], workdays = calendar["workdays"], version = calendar["version"] }))
            .Problem(HttpStatusCode.Forbidden);
        var overlap = await (await admin.PutAsJsonAsync("/api/work-calendar", new
        {
            periods = new[] { new { start = "09:00", end = "12:00" }, new { start = "11:00", end = "18:00" } },
            holidays = new[] { "2031-01-01" },
            workdays = new[] { "2031-01-01" },
            version = calendar["version"],
        })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(overlap["errors"]!["periods[1]"]);
        Assert.NotNull(overlap["errors"]!["workdays"]);
    }

    [Fact]
    public async Task A_make_up_shipment_is_requested_from_the_case_once_through_the_orders_approval()
    {
        var product = await Orders.Product(app, 50m);
        using var am1 = await app.As("am1");
        var accountId = Orders.Id(await Accounts.Create(am1));
        var order = await Orders.Create(am1, accountId, new { productId = product["id"], quantity = 10 });
        var lineId = (string?)order["lines"]![0]!["id"];
        order = await Orders.Step(am1, order, "confirm");
        order = await (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 10 } } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var original = (string?)order["shipments"]![0]!["id"];
        var created = await (await am1.PostAsJsonAsync("/api/cases", new
        {
            kind = "Complaint",
            accountId,
            channel = "Phone",
            category = "quality",
            severity = "Normal",
            title = "2 件破损",
            description = "到货破损",
            orderId = order["id"],
        })).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        object MakeUp(int quantity) => new { originalShipmentId = original, reason = "Damaged", reasonText = "运输破损", lines = new[] { new { orderLineId = lineId, quantity } } };

        var tooMany = await (await am1.PostAsJsonAsync($"/api/cases/{id}/makeup", MakeUp(11))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(tooMany["errors"]!["lines[0].quantity"]);
        var linked = await (await am1.PostAsJsonAsync($"/api/cases/{id}/makeup", MakeUp(2))).Ok<JsonObject>();
        Assert.StartsWith("BF-", (string?)linked["makeUp"]!["text"]);
        Assert.Contains(linked["events"]!.AsArray(), e => (string?)e!["kind"] == "MakeUpRequested");
        Assert.Equal("case.makeup_once", (string?)(await (await am1.PostAsJsonAsync($"/api/cases/{id}/makeup", MakeUp(1))).Problem(HttpStatusCode.Conflict))["code"]);
        var shipments = await (await am1.GetAsync($"/api/orders/{order["id"]}")).Ok<JsonObject>();
        Assert.Single(shipments["shipments"]!.AsArray(), s => (string?)s!["kind"] == "MakeUp" && (string?)s["status"] == "PendingApproval");
    }
}
