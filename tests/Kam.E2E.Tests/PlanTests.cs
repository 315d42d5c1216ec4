using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>The department's work plan (工作计划): the head drafts and submits it, the executive approves it, everyone reads it.</summary>
public sealed class PlanTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Head_submits_the_quarters_plan_and_the_executive_approves_it() => Run(async () =>
    {
        var period = $"20{60 + Random.Shared.Next(40)}-Q{1 + Random.Shared.Next(4)}";
        var title = "华南区季度工作计划" + Digits(4);
        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, "/plans/new");
        await head.Locator("[data-testid=plan-period]").FillAsync(period);
        await head.Locator("[data-testid=plan-period]").PressAsync("Tab");
        await head.Locator("[data-testid=plan-title]").FillAsync(title);
        await head.Locator("[data-testid=plan-title]").PressAsync("Tab");
        await head.Locator("[data-testid=plan-summary]").FillAsync("本季度抓回款，开发设计院类新客户");
        await head.Locator("[data-testid=plan-summary]").PressAsync("Tab");
        var item = head.Locator("[data-testid=plan-item]").First;
        await item.Locator("[data-testid=plan-item-text]").FillAsync("完成华远集团框架协议续签");
        await item.Locator("[data-testid=plan-item-text]").PressAsync("Tab");
        await item.Locator("[data-testid=plan-item-owner]").SelectOptionAsync(new SelectOptionValue { Label = "张伟" });
        await head.Locator("[data-testid=plan-save]").ClickAsync();
        await head.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/plans/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var planUrl = new Uri(head.Url).AbsolutePath;
        await WaitInteractiveAsync(head);
        await Expect(head.Locator("[data-testid=plan-status]")).ToContainTextAsync("草稿");

        await ShotAsync(head, "plan-draft");
        await head.Locator("[data-testid=plan-submit]").ClickAsync();
        await Expect(head.Locator("[data-testid=plan-status]")).ToContainTextAsync("审批中");
        await Expect(head.Locator("[data-testid=plan-save]")).ToHaveCountAsync(0); // locked under review

        var exec = await NewPageAsync(1440, 900);
        await LoginAsync(exec, "exec");
        await GotoInteractiveAsync(exec, planUrl);
        await Expect(exec.GetByText("完成华远集团框架协议续签")).ToBeVisibleAsync();
        await exec.Locator("[data-testid=approval-comment]").FillAsync("同意，按计划执行");
        await exec.GetByRole(AriaRole.Button, new() { Name = "同 意" }).Or(exec.GetByRole(AriaRole.Button, new() { Name = "同意" })).First.ClickAsync();
        await Expect(exec.Locator("[data-testid=plan-status]")).ToContainTextAsync("已批准");
        await ShotAsync(exec, "plan-approved");

        await GotoInteractiveAsync(head, planUrl);
        await Expect(head.Locator("[data-testid=plan-status]")).ToContainTextAsync("已批准");
        await Expect(head.Locator("[data-testid=plan-revise]")).ToBeVisibleAsync();

        // A change after approval is a revision; the head compares it with the approved one.
        await head.Locator("[data-testid=plan-revise]").ClickAsync();
        await head.WaitForURLAsync(url => new Uri(url).AbsolutePath != planUrl);
        await WaitInteractiveAsync(head);
        var text = head.Locator("[data-testid=plan-item]").First.Locator("[data-testid=plan-item-text]");
        await text.FillAsync("完成华远集团框架协议续签并增加卫浴品类");
        await text.PressAsync("Tab");
        await head.Locator("[data-testid=plan-save]").ClickAsync();
        await Expect(head.Locator("[data-testid=plan-save]")).ToBeEnabledAsync();
        await head.Locator("[data-testid=plan-compare]").ClickAsync();
        var comparison = head.Locator("[data-testid=plan-comparison]");
        await Expect(comparison.Locator("[data-testid=plan-change]")).ToHaveCountAsync(2);
        await Expect(comparison).ToContainTextAsync("新增");
        await Expect(comparison).ToContainTextAsync("删除");
        await ShotAsync(head, "plan-compare");

        // An account manager reads the approved plan, on the phone too.
        var am1 = await NewPageAsync(390, 844);
        await LoginAsync(am1, "am1");
        await GotoInteractiveAsync(am1, "/plans");
        await Expect(am1.Locator("[data-testid=plan-row]", new() { HasText = title }).Filter(new() { HasText = "v1" })).ToContainTextAsync("已批准");
        await Expect(am1.Locator("[data-testid=plan-new]")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(am1, "The plan list");
        await ShotAsync(am1, "plans-am1-phone");
    });

    [Fact]
    public Task Am1_writes_the_months_action_plan_on_the_phone_and_the_head_comments() => Run(async () =>
    {
        var text = "拜访华远集团采购部" + Digits(4);
        var am1 = await NewPageAsync(390, 844);
        await LoginAsync(am1, "am1");
        await GotoInteractiveAsync(am1, "/plans/actions");
        await Expect(am1.Locator("h1")).ToHaveTextAsync("行动计划");
        var rows = am1.Locator("[data-testid=action-item]");
        // The demo's plan for the month has items already: a new one is added (and awaited before it is filled).
        var count = await rows.CountAsync();
        if (count > 0 && await rows.Last.Locator("[data-testid=action-item-text]").InputValueAsync() != "")
        {
            await am1.Locator("[data-testid=action-item-add]").ClickAsync();
            await Expect(rows).ToHaveCountAsync(count + 1);
        }
        var row = rows.Last;
        await row.Locator("[data-testid=action-item-kind]").SelectOptionAsync("Visit");
        await row.Locator("[data-testid=action-item-text]").FillAsync(text);
        // Blurred, not tabbed: the next field is a date box whose calendar opens on focus.
        await row.Locator("[data-testid=action-item-text]").EvaluateAsync("e => e.blur()");
        await am1.Locator("[data-testid=action-save]").ClickAsync();
        await Expect(am1.Locator("[data-testid=action-saved]")).ToBeVisibleAsync();
        await Expect(am1.Locator("[data-testid=action-items]")).ToContainTextAsync("未开始");
        await AssertNoSidewaysScrollAsync(am1, "The action plan");
        await ShotAsync(am1, "action-plan-am1-phone");

        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, "/plans/actions");
        var plan = head.Locator("[data-testid=action-plan]", new() { HasText = text });
        await plan.Locator("[data-testid=action-comment-input]").FillAsync("先约采购总监，周五前反馈");
        await plan.Locator("[data-testid=action-comment-input]").PressAsync("Tab");
        await plan.Locator("[data-testid=action-comment-save]").ClickAsync();
        await Expect(plan.Locator("[data-testid=action-comment]")).ToContainTextAsync("先约采购总监，周五前反馈");

        await GotoInteractiveAsync(am1, "/plans/actions");
        await Expect(am1.Locator("[data-testid=action-comment]")).ToContainTextAsync("先约采购总监，周五前反馈");
    });
}
