using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Notifications;
using Kam.Core.Service;
using Kam.Core.WorkItems;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>
/// Satisfaction follow-ups and surveys (满意度回访与调查): templates checked and chosen, answers on a call or through a
/// single-use link, a low answer followed up, the index exact, the occasions making one follow-up each.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SurveyApiTests(KamFactory app)
{
    private static object Template(string name, string? occasion = "Manual", string? category = "Dealer") => new
    {
        name,
        occasion,
        accountCategory = category,
        questions = new object[]
        {
            new { kind = "Score", text = "您对产品质量是否满意？" },
            new { kind = "Nps", text = "您向同行推荐我们的可能性？" },
            new { kind = "Single", text = "您最看重哪一项？", options = new[] { "质量", "价格", "交付" } },
            new { kind = "Text", text = "其他建议", required = false },
        },
    };

    private static object Answers(int score, int nps, string choice = "质量", string? text = null, object? version = null) => new
    {
        answers = new object?[] { new { score }, new { score = nps }, new { choices = new[] { choice } }, text is null ? null : new { text } },
        version,
    };

    private async Task<(HttpClient Am1, string Account, string Template)> SetUp()
    {
        var am1 = await app.As("am1");
        using var assistant = await app.As("assistant");
        var account = (string)(await Accounts.Create(am1))["id"]!;
        var template = (string)(await (await assistant.PostAsJsonAsync("/api/survey-templates", Template("经销商回访" + Guid.NewGuid().ToString("N")[..6]))).Ok<JsonObject>(HttpStatusCode.Created))["id"]!;
        return (am1, account, template);
    }

    [Fact]
    public async Task Templates_are_checked_and_a_follow_up_answered_on_a_call_keeps_its_scores()
    {
        using var head = await app.As("head");
        using var am2 = await app.As("am2");
        var (am1, account, template) = await SetUp();
        using var _ = am1;
        await (await am1.PostAsJsonAsync("/api/survey-templates", Template("x"))).Problem(HttpStatusCode.Forbidden);
        var bad = await (await head.PostAsJsonAsync("/api/survey-templates", new
        {
            name = "",
            questions = new object[] { new { kind = "Single", text = "选一个", options = new[] { "只有一个" } }, new { kind = "Nps", text = "a" }, new { kind = "Nps", text = "b" } },
        })).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "name", "questions[0].options", "questions" })
            Assert.True(bad["errors"]![field] is not null, field);

        var created = await (await am1.PostAsJsonAsync("/api/follow-ups", new { accountId = account, templateId = template })).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal(4, created["questions"]!.AsArray().Count);
        await (await am2.GetAsync($"/api/follow-ups/{id}")).Problem(HttpStatusCode.NotFound);
        await (await am2.PostAsJsonAsync($"/api/follow-ups/{id}/answers", Answers(5, 9))).Problem(HttpStatusCode.NotFound);

        var outOfRange = await (await am1.PostAsJsonAsync($"/api/follow-ups/{id}/answers", Answers(6, 11, "颜色"))).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "answers[0]", "answers[1]", "answers[2]" })
            Assert.True(outOfRange["errors"]![field] is not null, field);
        await (await am1.PostAsJsonAsync($"/api/follow-ups/{id}/answers", new { answers = new object[] { new { score = 5 } } })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal("Open", (string?)(await (await am1.GetAsync($"/api/follow-ups/{id}")).Ok<JsonObject>())["status"]);

        var answered = await (await am1.PostAsJsonAsync($"/api/follow-ups/{id}/answers", Answers(4, 9, "交付", "希望交期更稳定"))).Ok<JsonObject>();
        Assert.Equal(("Answered", "Call", 4m, 9, false), ((string?)answered["status"], (string?)answered["answeredVia"], (decimal)answered["score"]!, (int)answered["nps"]!, (bool)answered["low"]!));
        await (await am1.PostAsJsonAsync($"/api/follow-ups/{id}/answers", Answers(5, 10))).Problem(HttpStatusCode.Conflict);
        Assert.Contains((await (await head.GetAsync($"/api/follow-ups?account={account}&status=Answered")).Ok<JsonObject>())["items"]!.AsArray(), r => (string?)r!["id"] == id);
    }

    [Fact]
    public async Task A_link_is_answered_once_on_a_phone_and_a_used_bad_or_expired_link_gets_a_clear_page()
    {
        var (am1, account, template) = await SetUp();
        using var _ = am1;
        var accountName = await app.Read(db => db.Unscoped<Kam.Core.Accounts.Account>().Where(a => a.Id == Guid.Parse(account)).Select(a => a.Name).SingleAsync());
        var id = (string)(await (await am1.PostAsJsonAsync("/api/follow-ups", new { accountId = account, templateId = template })).Ok<JsonObject>(HttpStatusCode.Created))["id"]!;
        var link = await (await am1.PostAsJsonAsync($"/api/follow-ups/{id}/link", new { })).Ok<JsonObject>();
        var path = (string)link["path"]!;

        using var contact = app.Anonymous();
        var page = await contact.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("您对产品质量是否满意？", html);
        Assert.DoesNotContain(accountName, html);

        FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        var invalid = await contact.PostAsync(path, Form(("q0", "9"), ("q1", "8"), ("q2", "质量")));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("请选择 1 到 5 分", await invalid.Content.ReadAsStringAsync());
        Assert.Equal("Open", (string?)(await (await am1.GetAsync($"/api/follow-ups/{id}")).Ok<JsonObject>())["status"]);

        var sent = await contact.PostAsync(path, Form(("q0", "5"), ("q1", "10"), ("q2", "价格"), ("q3", "服务很好")));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("感谢您的反馈", await sent.Content.ReadAsStringAsync());
        var answered = await (await am1.GetAsync($"/api/follow-ups/{id}")).Ok<JsonObject>();
        Assert.Equal(("Answered", "Link", 5m, 10), ((string?)answered["status"], (string?)answered["answeredVia"], (decimal)answered["score"]!, (int)answered["nps"]!));

        var again = await contact.PostAsync(path, Form(("q0", "1"), ("q1", "0"), ("q2", "价格")));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
        Assert.Contains("已经提交过", await again.Content.ReadAsStringAsync());
        Assert.Equal(5m, (decimal)(await (await am1.GetAsync($"/api/follow-ups/{id}")).Ok<JsonObject>())["score"]!);
        await (await am1.PostAsJsonAsync($"/api/follow-ups/{id}/link", new { })).Problem(HttpStatusCode.Conflict);

        var unknown = await contact.GetAsync("/s/not-a-real-token");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("链接无效", await unknown.Content.ReadAsStringAsync());

        var other = (string)(await (await am1.PostAsJsonAsync("/api/follow-ups", new { accountId = account, templateId = template })).Ok<JsonObject>(HttpStatusCode.Created))["id"]!;
        var old = (string)(await (await am1.PostAsJsonAsync($"/api/follow-ups/{other}/link", new { })).Ok<JsonObject>())["path"]!;
        await app.Change(db => db.Unscoped<FollowUp>().Where(f => f.Id == Guid.Parse(other)).ExecuteUpdateAsync(s => s.SetProperty(f => f.LinkExpiresAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        var expired = await contact.GetAsync(old);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("已过期", await expired.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_low_answer_opens_a_task_for_the_owner_and_tells_the_head_and_the_index_is_exact()
    {
        var (am1, account, template) = await SetUp();
        using var _ = am1;
        using var head = await app.As("head");
        foreach (var (score, nps) in new[] { (5, 10), (4, 7), (2, 3) })
        {
            var id = (string)(await (await am1.PostAsJsonAsync("/api/follow-ups", new { accountId = account, templateId = template })).Ok<JsonObject>(HttpStatusCode.Created))["id"]!;
            var answered = await (await am1.PostAsJsonAsync($"/api/follow-ups/{id}/answers", Answers(score, nps, text: score < 3 ? "交货太慢" : null))).Ok<JsonObject>();
            Assert.Equal(score == 2, (bool)answered["low"]!);
            if (score == 2)
            {
                var accountId = Guid.Parse(account);
                Assert.True(await app.Read(db => db.Unscoped<WorkItem>().AnyAsync(w => w.AccountId == accountId && w.Status == WorkItemStatus.Open && w.Details == "交货太慢")));
                var headId = await app.Read(db => db.Users.Where(u => u.UserName == "head").Select(u => u.Id).SingleAsync());
                Assert.True(await app.Read(db => db.Unscoped<Notification>().AnyAsync(n => n.UserId == headId && n.Key == $"survey_low:{id}" && n.Kind == NotificationKinds.SatisfactionLow)));
            }
        }
        var today = Budgets.Today.ToString("yyyy-MM-dd");
        var index = await (await head.GetAsync($"/api/satisfaction?from={today}&to={today}&groupBy=account")).Ok<JsonObject>();
        var row = index["groups"]!.AsArray().Single(g => (string?)g!["key"] == account)!;
        Assert.Equal((3, 3.67m, 0.6667, 3, 1, 1, 0.0, 1), ((int)row["answered"]!, (decimal)row["averageScore"]!, (double)row["csat"]!, (int)row["npsAnswers"]!,
            (int)row["promoters"]!, (int)row["detractors"]!, (double)row["nps"]!, (int)row["low"]!));
        Assert.Contains(index["comments"]!.AsArray(), c => (string?)c!["text"] == "交货太慢");
        await (await head.GetAsync("/api/satisfaction?groupBy=planet")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_closed_case_makes_one_follow_up_for_the_assistant_however_often_the_occasions_are_checked()
    {
        using var am1 = await app.As("am1");
        var account = (string)(await Accounts.Create(am1))["id"]!;
        var created = await (await am1.PostAsJsonAsync("/api/cases", new { kind = "Problem", accountId = account, channel = "Phone", category = "other", severity = "Normal", title = "要检测报告", description = "项目验收用" }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/acknowledge", new { note = "收到" })).Ok<JsonObject>();
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/resolve", new { resolution = "已寄出报告原件" })).Ok<JsonObject>();
        await (await am1.PostAsJsonAsync($"/api/cases/{id}/close", new { })).Ok<JsonObject>();
        for (var run = 0; run < 2; run++)
        {
            await using var s = new SystemScope(app);
            await s.Build<FollowUpScheduler>(TimeProvider.System).RunAsync();
        }
        var key = $"case:{Guid.Parse(id)}";
        var made = await app.Read(db => db.Unscoped<FollowUp>().AsNoTracking().Where(f => f.Key == key).ToListAsync());
        var followUp = Assert.Single(made);
        var assistant = await app.Read(db => db.Users.Where(u => u.UserName == "assistant").Select(u => u.Id).SingleAsync());
        Assert.Equal((FollowUpOccasion.CaseClosed, assistant, Guid.Parse(account)), (followUp.Occasion, followUp.AssigneeId, followUp.AccountId));
    }
}
