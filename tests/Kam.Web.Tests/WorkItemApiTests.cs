using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Common;
using Kam.Core.Notifications;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class WorkItemApiTests(KamFactory app)
{
    private static DateOnly Today => TimeProvider.System.Today();

    private async Task<Guid> IdOf(string userName)
    {
        using var admin = await app.As("admin");
        return await Users.IdOf(admin, userName);
    }

    private static async Task<JsonNode> CreateTask(HttpClient head, Guid ownerId, DateOnly dueOn, string? title = null) =>
        await (await head.PostAsJsonAsync("/api/tasks", new { title = title ?? "整理客户资料" + Guid.NewGuid().ToString("N")[..6], ownerId, dueOn }))
            .Ok<JsonNode>(HttpStatusCode.Created);

    private static Task<HttpResponseMessage> Put(HttpClient client, JsonNode detail, object change)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(change, Json.Options)!.AsObject();
        body["version"] = (string?)detail["version"];
        return client.PutAsJsonAsync($"/api/tasks/{detail["item"]!["id"]}", body);
    }

    private async Task<bool> Notified(Guid userId, string kind, string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IKamDb>();
        return await db.Unscoped<Notification>().AnyAsync(n => n.UserId == userId && n.Kind == kind && n.Key == key);
    }

    [Fact]
    public async Task The_assistant_records_a_meeting_whose_action_item_its_owner_sees_and_marks_done_and_nobody_else_touches()
    {
        var am2Id = await IdOf("am2");
        var assistantId = await IdOf("assistant");
        using var assistant = await app.As("assistant");
        var account = await Accounts.Create(assistant);
        var meeting = await (await assistant.PostAsJsonAsync("/api/meetings", new
        {
            title = "季度经营分析会",
            at = DateTimeOffset.UtcNow.AddHours(-2),
            location = "三楼会议室",
            attendeeIds = new[] { await IdOf("head") },
            agenda = "回顾本季度大客户拜访情况",
            decisions = "重点跟进华南经销商",
            actionItems = new[] { new { title = "拜访华南经销商并提交方案", ownerId = am2Id, dueOn = Today.AddDays(7), accountId = (string?)account["id"] } },
        })).Ok<JsonNode>(HttpStatusCode.Created);
        var item = meeting["actionItems"]!.AsArray().Single()!;
        Assert.Equal("ActionItem", (string?)item["kind"]);
        Assert.Equal((string?)account["name"], (string?)item["accountName"]);
        var itemId = (string)item["id"]!;
        Assert.True(await Notified(am2Id, "notify.task_assigned", $"task_assigned:{itemId}"));

        // am2 holds an action item of the meeting: sees the meeting and the item; am1 sees neither.
        using var am2 = await app.As("am2");
        Assert.Equal(HttpStatusCode.OK, (await am2.GetAsync($"/api/meetings/{meeting["id"]}")).StatusCode);
        var mine = await (await am2.GetAsync($"/api/tasks?owner={am2Id}&meeting={meeting["id"]}")).ReadJson();
        Assert.Equal(itemId, (string?)mine["items"]!.AsArray().Single()!["id"]);
        using var am1 = await app.As("am1");
        await (await am1.GetAsync($"/api/meetings/{meeting["id"]}")).Problem(HttpStatusCode.NotFound);
        await (await am1.GetAsync($"/api/tasks/{itemId}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await am1.GetAsync("/api/meetings?pageSize=200")).ReadJson())["items"]!.AsArray(), m => (string?)m!["id"] == (string?)meeting["id"]);
        var detail = await (await am2.GetAsync($"/api/tasks/{itemId}")).ReadJson();
        await (await Put(am1, detail, new { status = "Done" })).Problem(HttpStatusCode.NotFound);
        await (await am1.PostAsJsonAsync($"/api/tasks/{itemId}/notes", new { text = "我来看看" })).Problem(HttpStatusCode.NotFound);

        detail = await (await Put(am2, detail, new { status = "InProgress", note = "已约好下周二拜访" })).Ok<JsonNode>();
        Assert.Equal("InProgress", (string?)detail["item"]!["status"]);
        detail = await (await Put(am2, detail, new { status = "Done" })).Ok<JsonNode>();
        Assert.Equal("Done", (string?)detail["item"]!["status"]);
        Assert.NotNull(detail["doneAt"]);
        Assert.Equal("已约好下周二拜访", (string?)detail["notes"]!.AsArray().Single()!["text"]);
        Assert.True(await Notified(assistantId, "notify.task_done", $"task_done:{itemId}"));
    }

    [Fact]
    public async Task Only_the_head_assigns_tasks_and_the_executive_reads_without_editing()
    {
        var am3Id = await IdOf("am3");
        foreach (var refused in new[] { "am1", "assistant", "exec" })
        {
            using var client = await app.As(refused);
            await (await client.PostAsJsonAsync("/api/tasks", new { title = "不该布置", ownerId = am3Id, dueOn = Today.AddDays(3) })).Problem(HttpStatusCode.Forbidden);
        }
        using var head = await app.As("head");
        var task = await CreateTask(head, am3Id, Today.AddDays(3));
        Assert.Equal("Task", (string?)task["item"]!["kind"]);
        Assert.Equal("Open", (string?)task["item"]!["status"]);

        using var exec = await app.As("exec");
        var seen = await (await exec.GetAsync($"/api/tasks/{task["item"]!["id"]}")).ReadJson();
        Assert.False((bool)seen["canFollowUp"]!);
        await (await Put(exec, seen, new { status = "Done" })).Problem(HttpStatusCode.Forbidden);
        await (await exec.PostAsJsonAsync($"/api/tasks/{task["item"]!["id"]}/notes", new { text = "看一下" })).Problem(HttpStatusCode.Forbidden);
        await (await exec.PostAsJsonAsync("/api/meetings", new { title = "会", at = DateTimeOffset.UtcNow })).Problem(HttpStatusCode.Forbidden);
        using var am1 = await app.As("am1");
        await (await am1.PostAsJsonAsync("/api/meetings", new { title = "会", at = DateTimeOffset.UtcNow })).Problem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_owner_moves_the_status_while_the_assigner_and_the_assistant_follow_up_edit_and_cancel()
    {
        var am3Id = await IdOf("am3");
        using var head = await app.As("head");
        using var am3 = await app.As("am3");
        using var assistant = await app.As("assistant");
        var task = await CreateTask(head, am3Id, Today.AddDays(5));
        var id = (string)task["item"]!["id"]!;

        var owned = await (await am3.GetAsync($"/api/tasks/{id}")).ReadJson();
        Assert.True((bool)owned["canChangeStatus"]!);
        Assert.False((bool)owned["canFollowUp"]!);
        var moved = await (await Put(am3, owned, new { dueOn = Today.AddDays(30) })).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("workitem.only_followers_edit", (string?)moved["code"]);
        await (await Put(am3, owned, new { status = "Cancelled", cancelReason = "不想做" })).Problem(HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.Created, (await assistant.PostAsJsonAsync($"/api/tasks/{id}/notes", new { text = "请本周内反馈进展" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await am3.PostAsJsonAsync($"/api/tasks/{id}/notes", new { text = "已联系客户" })).StatusCode);
        var edited = await (await Put(head, await (await head.GetAsync($"/api/tasks/{id}")).ReadJson(), new { dueOn = Today.AddDays(10), title = "整理并提交客户资料" })).Ok<JsonNode>();
        Assert.Equal(Today.AddDays(10).ToString("yyyy-MM-dd"), (string?)edited["item"]!["dueOn"]);
        Assert.Equal(2, edited["notes"]!.AsArray().Count);

        // The owner's stale copy is refused: someone changed the item in between.
        var stale = await (await Put(am3, owned, new { status = "InProgress" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("concurrency_conflict", (string?)stale["code"]);

        var noReason = await (await Put(assistant, edited, new { status = "Cancelled" })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noReason["errors"]!["cancelReason"]);
        var cancelled = await (await Put(assistant, edited, new { status = "Cancelled", cancelReason = "客户已转由渠道代理服务" })).Ok<JsonNode>();
        Assert.Equal("Cancelled", (string?)cancelled["item"]!["status"]);
        Assert.Equal("客户已转由渠道代理服务", (string?)cancelled["cancelReason"]);
        await (await Put(am3, cancelled, new { status = "Done" })).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_errors_beside_camel_case_fields()
    {
        using var assistant = await app.As("assistant");
        var bad = await (await assistant.PostAsJsonAsync("/api/meetings", new
        {
            title = "",
            actionItems = new[] { new { title = "", ownerId = (Guid?)null, dueOn = (DateOnly?)null } },
        })).Problem(HttpStatusCode.BadRequest);
        var errors = bad["errors"]!.AsObject();
        foreach (var field in new[] { "title", "at", "actionItems[0].title", "actionItems[0].ownerId", "actionItems[0].dueOn" })
            Assert.True(errors.ContainsKey(field), $"No error for {field}: {errors.ToJsonString()}");

        var adminId = await IdOf("admin");
        var notStaff = await (await assistant.PostAsJsonAsync("/api/meetings", new
        {
            title = "周例会",
            at = DateTimeOffset.UtcNow,
            actionItems = new[] { new { title = "跟进", ownerId = adminId, dueOn = Today } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(notStaff["errors"]!["actionItems[0].ownerId"]);
        Assert.Equal(0, (int)(await (await assistant.GetAsync("/api/meetings?search=周例会")).ReadJson())["total"]!);

        using var head = await app.As("head");
        var noAccount = await (await head.PostAsJsonAsync("/api/tasks", new { title = "跟进", ownerId = await IdOf("am1"), dueOn = Today, accountId = Guid.NewGuid() }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noAccount["errors"]!["accountId"]);
        var noVersion = await (await head.PutAsJsonAsync($"/api/tasks/{Guid.NewGuid()}", new { status = "Done" })).Problem(HttpStatusCode.NotFound);
        Assert.Equal("workitem.not_found", (string?)noVersion["code"]);
    }

    [Fact]
    public async Task The_overdue_filter_finds_unfinished_items_due_before_today()
    {
        var am4Id = await IdOf("am4");
        using var head = await app.As("head");
        var late = await CreateTask(head, am4Id, Today.AddDays(-1), "逾期事项" + Guid.NewGuid().ToString("N")[..6]);
        var lateDone = await CreateTask(head, am4Id, Today.AddDays(-1));
        var onTime = await CreateTask(head, am4Id, Today.AddDays(1));
        using var am4 = await app.As("am4");
        await (await Put(am4, lateDone, new { status = "Done" })).Ok<JsonNode>();

        var overdue = (await (await am4.GetAsync($"/api/tasks?overdue=true&owner={am4Id}&pageSize=200")).ReadJson())["items"]!.AsArray();
        var ids = overdue.Select(i => (string?)i!["id"]).ToList();
        Assert.Contains((string?)late["item"]!["id"], ids);
        Assert.DoesNotContain((string?)lateDone["item"]!["id"], ids);
        Assert.DoesNotContain((string?)onTime["item"]!["id"], ids);
        Assert.All(overdue, i => Assert.True((bool)i!["overdue"]!));
        var all = (await (await head.GetAsync($"/api/tasks?owner={am4Id}&pageSize=200")).ReadJson())["items"]!.AsArray();
        Assert.False((bool)all.Single(i => (string?)i!["id"] == (string?)onTime["item"]!["id"])!["overdue"]!);
    }

    [Fact]
    public async Task A_meeting_is_edited_with_its_version_and_archived_not_deleted()
    {
        using var assistant = await app.As("assistant");
        var am1Id = await IdOf("am1");
        var title = "客户投诉专题会" + Guid.NewGuid().ToString("N")[..6];
        var meeting = await (await assistant.PostAsJsonAsync("/api/meetings", new { title, at = DateTimeOffset.UtcNow, attendeeIds = new[] { am1Id } }))
            .Ok<JsonNode>(HttpStatusCode.Created);
        var id = (string)meeting["id"]!;
        using var am1 = await app.As("am1");
        Assert.Equal(HttpStatusCode.OK, (await am1.GetAsync($"/api/meetings/{id}")).StatusCode);
        await (await am1.PutAsJsonAsync($"/api/meetings/{id}", new { title, at = DateTimeOffset.UtcNow, version = (string?)meeting["version"] })).Problem(HttpStatusCode.Forbidden);

        var body = new { title, at = DateTimeOffset.UtcNow, minutes = "会议决定由部长牵头处理", attendeeIds = new[] { am1Id }, version = (string?)meeting["version"] };
        var updated = await (await assistant.PutAsJsonAsync($"/api/meetings/{id}", body)).Ok<JsonNode>();
        Assert.Equal("会议决定由部长牵头处理", (string?)updated["minutes"]);
        await (await assistant.PutAsJsonAsync($"/api/meetings/{id}", body)).Problem(HttpStatusCode.Conflict);

        var added = await (await assistant.PostAsJsonAsync($"/api/meetings/{id}/action-items", new { title = "回访投诉客户", ownerId = am1Id, dueOn = Today.AddDays(2) }))
            .Ok<JsonNode>(HttpStatusCode.Created);
        Assert.Equal(id, (string?)added["item"]!["meetingId"]);

        Assert.Equal(HttpStatusCode.NoContent, (await assistant.PostAsync($"/api/meetings/{id}/archive", null)).StatusCode);
        Assert.Equal(0, (int)(await (await assistant.GetAsync($"/api/meetings?search={title}")).ReadJson())["total"]!);
        Assert.Equal(1, (int)(await (await assistant.GetAsync($"/api/meetings?search={title}&archived=true")).ReadJson())["total"]!);
        var archived = await (await assistant.PutAsJsonAsync($"/api/meetings/{id}", body with { version = (string?)updated["version"] })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("meeting.archived", (string?)archived["code"]);
    }

    [Fact]
    public async Task A_handover_moves_the_leavers_unfinished_items_and_leaves_the_finished_ones()
    {
        var leaverName = await Users.Create(app, "wileaver");
        var leaverId = await IdOf(leaverName);
        var heirId = await IdOf(await Users.Create(app, "wiheir"));
        using var head = await app.As("head");
        var open = await CreateTask(head, leaverId, Today.AddDays(3));
        var done = await CreateTask(head, leaverId, Today.AddDays(3));
        using var leaver = await app.WithPassword(leaverName, Users.Password);
        await (await Put(leaver, done, new { status = "Done" })).Ok<JsonNode>();

        var preview = await (await head.GetAsync($"/api/handovers/preview?fromUserId={leaverId}&toUserId={heirId}")).ReadJson();
        var line = preview["lines"]!.AsArray().Single(l => (string?)l!["kind"] == "handover.work_items")!;
        Assert.Equal(1, (int)line["count"]!);
        await (await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = heirId })).Ok<JsonNode>(HttpStatusCode.Created);

        Assert.Equal(heirId.ToString(), (string?)(await (await head.GetAsync($"/api/tasks/{open["item"]!["id"]}")).ReadJson())["item"]!["ownerId"]);
        Assert.Equal(leaverId.ToString(), (string?)(await (await head.GetAsync($"/api/tasks/{done["item"]!["id"]}")).ReadJson())["item"]!["ownerId"]);
    }
}
