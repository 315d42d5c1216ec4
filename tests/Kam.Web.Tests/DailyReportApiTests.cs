using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Notifications;
using Kam.Core.Visits;
using Kam.Infrastructure.Data;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class DailyReportApiTests(KamFactory app)
{
    // Every test writes its own past day (long before any seeded history), so tests sharing the database never meet.
    private static int _day;

    private static DateOnly NewDay() => new DateOnly(2004, 1, 5).AddDays(Interlocked.Increment(ref _day) * 3);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");

    [Fact]
    public async Task An_account_manager_submits_the_days_report_with_the_visits_from_the_records()
    {
        using var am1 = await app.As("am1");
        var day = NewDay();
        var account = await Accounts.Create(am1);
        var am1Id = await MyId(am1);
        await LogVisit(am1Id, Guid.Parse((string)account["id"]!), day, VisitStatus.Done, "谈了年度框架协议");
        await LogVisit(am1Id, Guid.Parse((string)account["id"]!), day, VisitStatus.Planned, "只是计划");

        var created = await am1.PostAsJsonAsync("/api/daily-reports", new { date = Iso(day), otherWork = "整理报价", problems = "交期紧", tomorrowPlan = "回访", submit = true });
        var report = await created.Ok<JsonObject>(HttpStatusCode.Created);
        Assert.Equal("Submitted", (string?)report["status"]);
        Assert.Equal("张伟", (string?)report["userName"]);
        var visit = Assert.Single(report["visits"]!.AsArray());
        Assert.Equal((string?)account["name"], (string?)visit!["accountName"]);
        Assert.Equal("谈了年度框架协议", (string?)visit["summary"]);
        Assert.True((bool)report["can"]!["edit"]!);

        using var head = await app.As("head");
        var seen = await (await head.GetAsync($"/api/daily-reports/{report["id"]}")).Ok<JsonObject>();
        Assert.Equal("整理报价", (string?)seen["otherWork"]);
        Assert.True((bool)seen["can"]!["review"]!);
        var mine = await (await am1.GetAsync($"/api/daily-reports/mine?date={Iso(day)}")).Ok<JsonObject>();
        Assert.Equal((string?)report["id"], (string?)mine["report"]!["id"]);
    }

    [Fact]
    public async Task An_account_manager_sees_only_their_own_reports()
    {
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var day = NewDay();
        var theirs = await Create(am2, day, submit: true);
        var am2Id = await MyId(am2);

        await (await am1.GetAsync($"/api/daily-reports/{theirs["id"]}")).Problem(HttpStatusCode.NotFound);
        var edit = await am1.PutAsJsonAsync($"/api/daily-reports/{theirs["id"]}", new { otherWork = "改别人的", version = (string?)theirs["version"] });
        await edit.Problem(HttpStatusCode.NotFound);
        var list = await (await am1.GetAsync($"/api/daily-reports?user={am2Id}&from={Iso(day)}&to={Iso(day)}")).ReadJson();
        Assert.Equal(0, (int)list["total"]!);

        using var assistant = await app.As("assistant");
        var all = await (await assistant.GetAsync($"/api/daily-reports?from={Iso(day)}&to={Iso(day)}&status=Submitted")).ReadJson();
        Assert.Contains(all["items"]!.AsArray(), r => (string?)r!["id"] == (string?)theirs["id"]);
        var paged = await (await assistant.GetAsync("/api/daily-reports?pageSize=1")).ReadJson();
        Assert.Single(paged["items"]!.AsArray());
    }

    [Fact]
    public async Task One_report_per_person_and_day_never_for_a_day_to_come()
    {
        using var am1 = await app.As("am1");
        var day = NewDay();
        await Create(am1, day, submit: false);
        var again = await (await am1.PostAsJsonAsync("/api/daily-reports", new { date = Iso(day), otherWork = "再写一份" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("daily_report.exists", (string?)again["code"]);

        var future = await am1.PostAsJsonAsync("/api/daily-reports", new { date = Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3)), otherWork = "x" });
        Assert.NotNull((await future.Problem(HttpStatusCode.BadRequest))["errors"]!["date"]);
        var tooLong = await am1.PostAsJsonAsync("/api/daily-reports", new { date = Iso(NewDay()), problems = new string('问', 2001) });
        Assert.NotNull((await tooLong.Problem(HttpStatusCode.BadRequest))["errors"]!["problems"]);
        var empty = await am1.PostAsJsonAsync("/api/daily-reports", new { date = Iso(NewDay()), submit = true });
        Assert.NotNull((await empty.Problem(HttpStatusCode.BadRequest))["errors"]!["otherWork"]);

        using var head = await app.As("head");
        var byHead = await head.PostAsJsonAsync("/api/daily-reports", new { date = Iso(NewDay()), otherWork = "部长不写日报" });
        Assert.Equal("daily_report.only_account_managers", (string?)(await byHead.Problem(HttpStatusCode.Forbidden))["code"]);
    }

    [Fact]
    public async Task The_author_edits_with_the_version_read_and_a_stale_one_is_refused()
    {
        using var am1 = await app.As("am1");
        var draft = await Create(am1, NewDay(), submit: false);
        Assert.Equal("Draft", (string?)draft["status"]);

        var submitted = await (await am1.PutAsJsonAsync($"/api/daily-reports/{draft["id"]}", new { otherWork = "补充内容", submit = true, version = (string?)draft["version"] }))
            .Ok<JsonObject>();
        Assert.Equal("Submitted", (string?)submitted["status"]);
        Assert.Equal("补充内容", (string?)submitted["otherWork"]);

        var stale = await am1.PutAsJsonAsync($"/api/daily-reports/{draft["id"]}", new { otherWork = "旧版本", version = (string?)draft["version"] });
        await stale.Problem(HttpStatusCode.Conflict);
        var noVersion = await am1.PutAsJsonAsync($"/api/daily-reports/{draft["id"]}", new { otherWork = "无版本" });
        Assert.NotNull((await noVersion.Problem(HttpStatusCode.BadRequest))["errors"]!["version"]);

        using var head = await app.As("head");
        var byHead = await head.PutAsJsonAsync($"/api/daily-reports/{draft["id"]}", new { otherWork = "代改", version = (string?)submitted["version"] });
        Assert.Equal("daily_report.only_author_edits", (string?)(await byHead.Problem(HttpStatusCode.Forbidden))["code"]);
    }

    [Fact]
    public async Task Only_the_head_reviews_the_author_sees_the_comment_and_the_report_is_closed()
    {
        using var am1 = await app.As("am1");
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        using var assistant = await app.As("assistant");
        var report = await Create(am1, NewDay(), submit: true);
        var url = $"/api/daily-reports/{report["id"]}/review";
        var body = new { comment = "客户跟进到位，注意回款", version = (string?)report["version"] };

        Assert.Equal("daily_report.only_head_reviews", (string?)(await (await am1.PostAsJsonAsync(url, body)).Problem(HttpStatusCode.Forbidden))["code"]);
        await (await exec.PostAsJsonAsync(url, body)).Problem(HttpStatusCode.Forbidden);
        await (await assistant.PostAsJsonAsync(url, body)).Problem(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/daily-reports/{report["id"]}")).StatusCode);

        var reviewed = await (await head.PostAsJsonAsync(url, body)).Ok<JsonObject>();
        Assert.Equal("Reviewed", (string?)reviewed["status"]);
        Assert.Equal("李明", (string?)reviewed["reviewedByName"]);

        var seen = await (await am1.GetAsync($"/api/daily-reports/{report["id"]}")).Ok<JsonObject>();
        Assert.Equal("客户跟进到位，注意回款", (string?)seen["reviewComment"]);
        Assert.False((bool)seen["can"]!["edit"]!);
        // The demo department has a year of reviewed reports: look at this report's own day.
        var list = await (await am1.GetAsync($"/api/daily-reports?status=Reviewed&from={seen["date"]}&to={seen["date"]}")).ReadJson();
        Assert.Contains(list["items"]!.AsArray(), r => (string?)r!["id"] == (string?)report["id"] && (string?)r["reviewComment"] == "客户跟进到位，注意回款");
        Assert.Equal(1, await Notifications(await MyId(am1), $"report_reviewed:{report["id"]}"));

        var edit = await am1.PutAsJsonAsync($"/api/daily-reports/{report["id"]}", new { otherWork = "审阅后再改", version = (string?)seen["version"] });
        Assert.Equal("daily_report.reviewed_locked", (string?)(await edit.Problem(HttpStatusCode.Conflict))["code"]);
        var twice = await head.PostAsJsonAsync(url, new { comment = "再审", version = (string?)seen["version"] });
        Assert.Equal("daily_report.already_reviewed", (string?)(await twice.Problem(HttpStatusCode.Conflict))["code"]);

        var draft = await Create(am1, NewDay(), submit: false);
        var early = await head.PostAsJsonAsync($"/api/daily-reports/{draft["id"]}/review", new { comment = "?", version = (string?)draft["version"] });
        Assert.Equal("daily_report.not_submitted", (string?)(await early.Problem(HttpStatusCode.Conflict))["code"]);
    }

    [Fact]
    public async Task The_head_sees_who_submitted_by_day_and_by_month()
    {
        using var am1 = await app.As("am1");
        var day = NewWeekday();
        var account = await Accounts.Create(am1);
        await LogVisit(await MyId(am1), Guid.Parse((string)account["id"]!), day, VisitStatus.Done, "拜访");
        await Create(am1, day, submit: true);

        using var head = await app.As("head");
        var overview = await (await head.GetAsync($"/api/daily-reports/submission?date={Iso(day)}")).Ok<JsonObject>();
        var people = overview["people"]!.AsArray();
        var zhang = people.Single(p => (string?)p!["userName"] == "am1")!;
        Assert.Equal("Submitted", (string?)zhang["state"]);
        Assert.Equal(1, (int)zhang["visitCount"]!);
        Assert.Equal("Missing", (string?)people.Single(p => (string?)p!["userName"] == "am2")!["state"]);
        Assert.DoesNotContain(people, p => (string?)p!["userName"] is "head" or "assistant" or "exec" or "admin");
        Assert.True((int)overview["notSubmitted"]! >= 3);

        var month = await (await head.GetAsync($"/api/daily-reports/submission?month={day:yyyy-MM}")).Ok<JsonObject>();
        Assert.DoesNotContain(month["days"]!.AsArray(), d => DateOnly.Parse((string)d!).DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        var row = month["people"]!.AsArray().Single(p => (string?)p!["displayName"] == "张伟")!;
        Assert.Equal("Submitted", (string?)row["cells"]!.AsArray().Single(c => (string?)c!["date"] == Iso(day))!["state"]);
        Assert.True((int)row["submitted"]! >= 1);

        using var exec = await app.As("exec");
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"/api/daily-reports/submission?date={Iso(day)}")).StatusCode);
        using var assistant = await app.As("assistant");
        Assert.Equal(HttpStatusCode.OK, (await assistant.GetAsync($"/api/daily-reports/submission?month={day:yyyy-MM}")).StatusCode);
        var refused = await (await am1.GetAsync($"/api/daily-reports/submission?date={Iso(day)}")).Problem(HttpStatusCode.Forbidden);
        Assert.Equal("daily_report.overview_forbidden", (string?)refused["code"]);
        var badMonth = await head.GetAsync("/api/daily-reports/submission?month=2026-13");
        Assert.NotNull((await badMonth.Problem(HttpStatusCode.BadRequest))["errors"]!["month"]);
    }

    [Fact]
    public async Task The_assistant_compiles_the_day_summary_that_everyone_reads()
    {
        using var am1 = await app.As("am1");
        using var assistant = await app.As("assistant");
        using var exec = await app.As("exec");
        var day = NewDay();
        await Create(am1, day, submit: true, otherWork: "整理年度合同");
        var url = $"/api/day-summaries/{Iso(day)}";

        var draft = await (await assistant.GetAsync(url + "/draft")).Ok<JsonObject>();
        Assert.Contains("张伟", (string?)draft["text"]);
        Assert.Contains("整理年度合同", (string?)draft["text"]);
        await (await am1.GetAsync(url + "/draft")).Problem(HttpStatusCode.Forbidden);

        // The summary quotes everyone's reports and accounts: account managers do not read it.
        await (await am1.GetAsync(url)).Problem(HttpStatusCode.Forbidden);
        var empty = await (await exec.GetAsync(url)).Ok<JsonObject>();
        Assert.False((bool)empty["exists"]!);
        var saved = await (await assistant.PutAsJsonAsync(url, new { text = "今日部门共拜访 1 家客户。" })).Ok<JsonObject>();
        Assert.True((bool)saved["exists"]!);

        var byAm = await am1.PutAsJsonAsync(url, new { text = "我来写", version = (string?)saved["version"] });
        Assert.Equal("day_summary.only_back_office", (string?)(await byAm.Problem(HttpStatusCode.Forbidden))["code"]);
        await (await exec.PutAsJsonAsync(url, new { text = "我来写", version = (string?)saved["version"] })).Problem(HttpStatusCode.Forbidden);
        var read = await (await exec.GetAsync(url)).Ok<JsonObject>();
        Assert.Equal("今日部门共拜访 1 家客户。", (string?)read["text"]);
        Assert.Equal("陈静", (string?)read["updatedByName"]);

        using var head = await app.As("head");
        var edited = await (await head.PutAsJsonAsync(url, new { text = "部长补充", version = (string?)saved["version"] })).Ok<JsonObject>();
        Assert.Equal("部长补充", (string?)edited["text"]);
        await (await assistant.PutAsJsonAsync(url, new { text = "旧版本", version = (string?)saved["version"] })).Problem(HttpStatusCode.Conflict);
        await (await assistant.PutAsJsonAsync($"/api/day-summaries/{Iso(NewDay())}", new { text = "" })).Problem(HttpStatusCode.BadRequest);
        var badDate = await assistant.GetAsync("/api/day-summaries/2026-02-30");
        Assert.NotNull((await badDate.Problem(HttpStatusCode.BadRequest))["errors"]!["date"]);
    }

    private static DateOnly NewWeekday()
    {
        var day = NewDay();
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = NewDay();
        return day;
    }

    private static async Task<JsonObject> Create(HttpClient client, DateOnly day, bool submit, string otherWork = "拜访客户，整理资料")
    {
        var response = await client.PostAsJsonAsync("/api/daily-reports", new { date = Iso(day), otherWork, tomorrowPlan = "继续跟进", submit });
        return await response.Ok<JsonObject>(HttpStatusCode.Created);
    }

    private static async Task<Guid> MyId(HttpClient client) => Guid.Parse((string)(await (await client.GetAsync("/api/me")).ReadJson())["id"]!);

    /// <summary>Visits come from their own area's API; here the records are written straight to the database.</summary>
    private async Task LogVisit(Guid userId, Guid accountId, DateOnly day, VisitStatus status, string summary)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 30)), TimeSpan.FromHours(8)).ToUniversalTime();
        db.Unscoped<Visit>().Add(new Visit { AccountId = accountId, UserId = userId, Status = status, At = at, Date = day, Summary = summary, DurationMinutes = 60 });
        await db.SaveChangesAsync();
    }

    private async Task<int> Notifications(Guid userId, string key)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        return await db.Unscoped<Notification>().CountAsync(n => n.UserId == userId && n.Key == key && n.Kind == "notify.report_reviewed");
    }
}
