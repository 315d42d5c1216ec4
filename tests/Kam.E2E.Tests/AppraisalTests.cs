using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>
/// The monthly appraisal in the browser (月度考核): the head revises the appraisal scheme and the executive approves it;
/// at month end the head rates 张伟 (am1) and submits the month, the executive approves it; 张伟 reads his sheet on a
/// phone and appeals one indicator; the head answers and raises it.
/// </summary>
public sealed class AppraisalTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task The_head_revises_the_scheme_rates_the_month_and_answers_am1s_appeal_made_on_a_phone() => Run(async () =>
    {
        // The scheme: the head opens the approved one, revises it into a draft, moves 5 points from teamwork to attitude.
        using var headApi = await KamApi.LoginAsync(App, "head");
        var approved = (await headApi.GetAsync("/api/appraisal-schemes")).EnumerateArray().First(s => s.GetProperty("status").GetString() == "Approved");
        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, $"/appraisal-schemes/{approved.GetProperty("id").GetString()}");
        await head.Locator("[data-testid=scheme-revise]").ClickAsync();
        await head.WaitForURLAsync(url => new Uri(url).AbsolutePath != $"/appraisal-schemes/{approved.GetProperty("id").GetString()}");
        await WaitInteractiveAsync(head);
        var schemeUrl = new Uri(head.Url).AbsolutePath;
        await Expect(head.Locator("[data-testid=scheme-status]")).ToContainTextAsync("草稿");
        var weights = head.Locator("[data-testid=scheme-indicator-weight]");
        await weights.Nth(6).FillAsync("20");
        await weights.Nth(6).PressAsync("Tab");
        await Expect(head.Locator("[data-testid=scheme-weight-sum]")).ToContainTextAsync("110");
        await head.Locator("[data-testid=scheme-save]").ClickAsync();
        await Expect(head.Locator("[data-testid=scheme-error]")).ToContainTextAsync("请修正");
        await Expect(head.GetByText("各指标权重合计须为 100（现为 110）")).ToBeVisibleAsync();
        await weights.Nth(6).FillAsync("15");
        await weights.Nth(6).PressAsync("Tab");
        await weights.Nth(7).FillAsync("0");
        await weights.Nth(7).PressAsync("Tab");
        await head.Locator("[data-testid=scheme-indicator] >> nth=7").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await Expect(head.Locator("[data-testid=scheme-weight-sum]")).ToContainTextAsync("100");
        await head.Locator("[data-testid=scheme-save]").ClickAsync();
        await Expect(head.Locator("[data-testid=scheme-error]")).ToHaveCountAsync(0);
        await head.Locator("[data-testid=scheme-submit]").ClickAsync();
        await head.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(head.Locator("[data-testid=scheme-status]")).ToContainTextAsync("审批中");

        var exec = await NewPageAsync(1440, 900);
        await LoginAsync(exec, "exec");
        await GotoInteractiveAsync(exec, schemeUrl);
        await exec.Locator("[data-testid=approval-comment]").FillAsync("同意，下月起执行");
        await exec.GetByRole(AriaRole.Button, new() { Name = "同 意" }).Or(exec.GetByRole(AriaRole.Button, new() { Name = "同意" })).First.ClickAsync();
        await Expect(exec.Locator("[data-testid=scheme-status]")).ToContainTextAsync("已批准");
        await ShotAsync(exec, "appraisal-scheme-approved");

        // Month end: the head rates 张伟's open sheet of last month.
        var month = (await headApi.GetAsync("/api/appraisals"));
        var period = month.GetProperty("period").GetString()!;
        var rows = month.GetProperty("rows").EnumerateArray().ToList();
        var am1Row = rows.Single(r => r.GetProperty("personName").GetString() == "张伟");
        var sheetUrl = $"/appraisals/{am1Row.GetProperty("id").GetString()}";
        await GotoInteractiveAsync(head, "/appraisals");
        await head.Locator("[data-testid=appraisal-list]").GetByRole(AriaRole.Link, new() { Name = "张伟" }).ClickAsync();
        await head.WaitForURLAsync(url => new Uri(url).AbsolutePath == sheetUrl);
        await WaitInteractiveAsync(head);
        await head.Locator("[data-testid=appraisal-rate-save]").ClickAsync();
        await Expect(head.GetByText("须在 0 到 100 之间").First).ToBeVisibleAsync();
        var scores = head.Locator("[data-testid=appraisal-rate-score]");
        var comments = head.Locator("[data-testid=appraisal-rate-comment]");
        for (var i = 0; i < await scores.CountAsync(); i++)
        {
            await scores.Nth(i).FillAsync("70");
            await scores.Nth(i).PressAsync("Tab");
            await comments.Nth(i).FillAsync("按计划完成拜访，需加强主动性");
            await comments.Nth(i).PressAsync("Tab");
        }
        await head.Locator("[data-testid=appraisal-head-comment]").FillAsync("回款稳定，下月重点提升 A 类客户覆盖");
        await head.Locator("[data-testid=appraisal-head-comment]").PressAsync("Tab");
        await head.Locator("[data-testid=appraisal-rate-save]").ClickAsync();
        await Expect(head.Locator("[data-testid=appraisal-total]")).Not.ToHaveTextAsync("—");
        await ShotAsync(head, "appraisal-rated");

        // The others rated through the API; the head submits the month, the executive approves it.
        foreach (var row in rows.Where(r => r.GetProperty("id").GetString() != am1Row.GetProperty("id").GetString()))
        {
            var sheet = await headApi.GetAsync($"/api/appraisals/{row.GetProperty("id").GetString()}");
            var ratings = sheet.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("item")).Where(i => i.GetProperty("source").GetString() == "Rated")
                .Select(i => new { code = i.GetProperty("code").GetString(), score = 80, comment = "合格" }).ToArray();
            await headApi.PutAsync($"/api/appraisals/{row.GetProperty("id").GetString()}", new { version = sheet.GetProperty("version").GetString(), ratings });
        }
        await GotoInteractiveAsync(head, $"/appraisals?period={period}");
        await head.Locator("[data-testid=appraisal-submit]").ClickAsync();
        await head.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(head.Locator("[data-testid=approval-trail]")).ToBeVisibleAsync();
        await GotoInteractiveAsync(exec, $"/appraisals?period={period}");
        await exec.Locator("[data-testid=approval-comment]").FillAsync("同意公布");
        await exec.GetByRole(AriaRole.Button, new() { Name = "同 意" }).Or(exec.GetByRole(AriaRole.Button, new() { Name = "同意" })).First.ClickAsync();
        await Expect(exec.Locator("[data-testid=appraisal-row]").First.Locator("[data-testid=appraisal-status]")).ToContainTextAsync("已公布");

        // 张伟 reads his sheet on a phone, every figure and the head's comment, and appeals the attitude score.
        var phone = await NewPageAsync(390, 844);
        await LoginAsync(phone, "am1");
        await GotoInteractiveAsync(phone, "/appraisals");
        await phone.Locator("[data-testid=appraisal-mine]").GetByRole(AriaRole.Link, new() { Name = period }).ClickAsync();
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == sheetUrl);
        await WaitInteractiveAsync(phone);
        await Expect(phone.Locator("[data-testid=appraisal-head-comment-text]")).ToContainTextAsync("下月重点提升 A 类客户覆盖");
        await Expect(phone.Locator("[data-testid=appraisal-line][data-code=attitude] [data-testid=appraisal-score]")).ToHaveTextAsync("70");
        Assert.Equal(await phone.EvaluateAsync<int>("document.documentElement.clientWidth"), await phone.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await phone.Locator("[data-testid=appraisal-appeal-open]").ClickAsync();
        await phone.Locator("[data-testid=appraisal-appeal-item]").SelectOptionAsync("attitude");
        await phone.Locator("[data-testid=appraisal-appeal-reason]").FillAsync("月中两次周末陪同客户验收，工作态度评分偏低");
        await phone.Locator("[data-testid=appraisal-appeal-reason]").PressAsync("Tab");
        await phone.Locator("[data-testid=appraisal-appeal-send]").ClickAsync();
        await Expect(phone.Locator("[data-testid=appraisal-status]")).ToContainTextAsync("申诉中");
        await ShotAsync(phone, "appraisal-appeal-phone");

        // The head answers: the attitude goes to 85 with its reason; the sheet is final and says what changed.
        await GotoInteractiveAsync(head, sheetUrl);
        await Expect(head.Locator("[data-testid=appraisal-appeal]")).ToContainTextAsync("周末陪同客户验收");
        await head.Locator("[data-testid=appraisal-answer-score]").First.FillAsync("85");
        await head.Locator("[data-testid=appraisal-answer-score]").First.PressAsync("Tab");
        await head.Locator("[data-testid=appraisal-answer-text]").FillAsync("核实属实，工作态度调整为 85 分");
        await head.Locator("[data-testid=appraisal-answer-text]").PressAsync("Tab");
        await head.Locator("[data-testid=appraisal-answer-send]").ClickAsync();
        await Expect(head.Locator("[data-testid=appraisal-status]")).ToContainTextAsync("已生效");
        await Expect(head.Locator("[data-testid=appraisal-answer]")).ToContainTextAsync("工作态度: 70 → 85");
        await GotoInteractiveAsync(phone, sheetUrl);
        await Expect(phone.Locator("[data-testid=appraisal-line][data-code=attitude] [data-testid=appraisal-score]")).ToHaveTextAsync("85");
    });
}
