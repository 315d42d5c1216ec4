using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>
/// The monthly commission in the browser (提成核算): the assistant reruns October's prepared run and submits it, the head
/// and then the executive approve it; 张伟 (am1) reads his statement line by line on a phone and asks about a line; the
/// head answers; 张伟 tries the calculator.
/// </summary>
public sealed class CommissionTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task The_assistant_runs_the_month_the_head_and_executive_approve_and_am1_reads_his_statement_on_a_phone() => Run(async () =>
    {
        using var api = await KamApi.LoginAsync(App, "assistant");
        var draft = (await api.GetAsync("/api/commission-runs")).EnumerateArray().First(r => r.GetProperty("status").GetString() == "Draft");
        var period = draft.GetProperty("period").GetString()!;

        var assistant = await NewPageAsync(1440, 900);
        await LoginAsync(assistant, "assistant");
        await GotoInteractiveAsync(assistant, "/commission-runs");
        await assistant.Locator("[data-testid=run-list]").GetByRole(AriaRole.Link, new() { Name = period }).First.ClickAsync();
        await WaitInteractiveAsync(assistant);
        await assistant.Locator("[data-testid=run-rerun]").ClickAsync();
        await Expect(assistant.Locator("h1")).ToContainTextAsync("第 2 版");
        await Expect(assistant.Locator("[data-testid=run-statement]")).Not.ToHaveCountAsync(0);
        var runUrl = new Uri(assistant.Url).AbsolutePath;
        await assistant.Locator("[data-testid=run-submit]").ClickAsync();
        await assistant.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(assistant.Locator("[data-testid=run-status]")).ToContainTextAsync("审批中");
        await ShotAsync(assistant, "commission-run-submitted");

        foreach (var (user, comment) in new[] { ("head", "核对无误"), ("exec", "同意发放") })
        {
            var approver = await NewPageAsync(1440, 900);
            await LoginAsync(approver, user);
            await GotoInteractiveAsync(approver, runUrl);
            await approver.Locator("[data-testid=approval-comment]").FillAsync(comment);
            await approver.GetByRole(AriaRole.Button, new() { Name = "同 意" }).Or(approver.GetByRole(AriaRole.Button, new() { Name = "同意" })).First.ClickAsync();
            await Expect(approver.Locator("[data-testid=approval-trail]")).ToContainTextAsync(comment);
        }
        await GotoInteractiveAsync(assistant, runUrl);
        await Expect(assistant.Locator("[data-testid=run-status]")).ToContainTextAsync("已批准");

        // 张伟 on his phone: his runs, his statement line by line, a question about the first line.
        var phone = await NewPageAsync(390, 844);
        await LoginAsync(phone, "am1");
        await GotoInteractiveAsync(phone, "/commission-runs");
        await phone.Locator("[data-testid=run-list]").GetByRole(AriaRole.Link, new() { Name = period }).First.ClickAsync();
        await WaitInteractiveAsync(phone);
        await Expect(phone.Locator("h1")).ToContainTextAsync("张伟");
        await Expect(phone.Locator("[data-testid=statement-line]").First.Locator("[data-testid=statement-explanation]")).ToContainTextAsync("回款 ¥");
        Assert.Equal(await phone.EvaluateAsync<int>("document.documentElement.clientWidth"), await phone.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await ShotAsync(phone, "commission-statement-phone");
        await phone.Locator("[data-testid=statement-ask-line]").First.ClickAsync();
        await phone.Locator("[data-testid=statement-ask-text]").FillAsync("这笔回款是上月补录的吗？");
        await phone.Locator("[data-testid=statement-ask-text]").PressAsync("Tab");
        await phone.Locator("[data-testid=statement-ask-send]").ClickAsync();
        await Expect(phone.Locator("[data-testid=statement-question]")).ToContainTextAsync("这笔回款是上月补录的吗？");
        var statementUrl = new Uri(phone.Url).AbsolutePath;

        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, statementUrl);
        await head.Locator("[data-testid=statement-answer-text]").FillAsync("是本月到账，按本月计提");
        await head.Locator("[data-testid=statement-answer-text]").PressAsync("Tab");
        await head.Locator("[data-testid=statement-answer-send]").ClickAsync();
        await Expect(head.Locator("[data-testid=statement-answer]")).ToContainTextAsync("按本月计提");
        await GotoInteractiveAsync(phone, statementUrl);
        await Expect(phone.Locator("[data-testid=statement-answer]")).ToContainTextAsync("按本月计提");

        // The calculator: what a ¥100,000 deal would earn this month.
        await GotoInteractiveAsync(phone, "/commission-calculator");
        await phone.Locator("[data-testid=calc-amount] input").Or(phone.Locator("input[data-testid=calc-amount]")).First.FillAsync("100000");
        await phone.Locator("[data-testid=calc-amount] input").Or(phone.Locator("input[data-testid=calc-amount]")).First.PressAsync("Tab");
        await phone.Locator("[data-testid=calc-run]").ClickAsync();
        await Expect(phone.Locator("[data-testid=calc-result]")).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-testid=calc-explanation]")).ToContainTextAsync("¥100,000.00");
    });

    [Fact]
    public Task The_head_revises_the_commission_scheme_and_the_executive_approves_it() => Run(async () =>
    {
        using var api = await KamApi.LoginAsync(App, "head");
        var approved = (await api.GetAsync("/api/commission-schemes")).EnumerateArray().First(s => s.GetProperty("status").GetString() == "Approved");
        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, $"/commission-schemes/{approved.GetProperty("id").GetString()}");
        await head.Locator("[data-testid=cscheme-revise]").ClickAsync();
        await head.WaitForURLAsync(url => !url.EndsWith(approved.GetProperty("id").GetString()!, StringComparison.Ordinal));
        await WaitInteractiveAsync(head);
        await head.Locator("[data-testid=cscheme-bands]").FillAsync("0:0, 60:1, 80:x");
        await head.Locator("[data-testid=cscheme-bands]").PressAsync("Tab");
        await head.Locator("[data-testid=cscheme-save]").ClickAsync();
        await Expect(head.GetByText("达成率分档须有 1 到 10 档")).ToBeVisibleAsync();
        await head.Locator("[data-testid=cscheme-bands]").FillAsync("0:0, 60:1, 80:1.2");
        await head.Locator("[data-testid=cscheme-bands]").PressAsync("Tab");
        await head.Locator("[data-testid=cscheme-save]").ClickAsync();
        await Expect(head.Locator("[data-testid=cscheme-error]")).ToHaveCountAsync(0);
        await head.Locator("[data-testid=cscheme-submit]").ClickAsync();
        await head.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(head.Locator("[data-testid=scheme-status]")).ToContainTextAsync("审批中");
        var url = new Uri(head.Url).AbsolutePath;

        var exec = await NewPageAsync(1440, 900);
        await LoginAsync(exec, "exec");
        await GotoInteractiveAsync(exec, url);
        await exec.Locator("[data-testid=approval-comment]").FillAsync("同意");
        await exec.GetByRole(AriaRole.Button, new() { Name = "同 意" }).Or(exec.GetByRole(AriaRole.Button, new() { Name = "同意" })).First.ClickAsync();
        await Expect(exec.Locator("[data-testid=scheme-status]")).ToContainTextAsync("已批准");
        await Expect(exec.Locator("[data-testid=cscheme-bands]")).ToHaveValueAsync("0:0, 60:1, 80:1.2");
    });
}
