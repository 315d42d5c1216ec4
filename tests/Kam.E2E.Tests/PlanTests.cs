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

        // An account manager reads the approved plan, on the phone too.
        var am1 = await NewPageAsync(390, 844);
        await LoginAsync(am1, "am1");
        await GotoInteractiveAsync(am1, "/plans");
        await Expect(am1.Locator("[data-testid=plan-row]", new() { HasText = title })).ToContainTextAsync("已批准");
        await Expect(am1.Locator("[data-testid=plan-new]")).ToHaveCountAsync(0);
        await AssertNoSidewaysScrollAsync(am1, "The plan list");
        await ShotAsync(am1, "plans-am1-phone");
    });
}
