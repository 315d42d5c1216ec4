using System.Globalization;
using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>
/// The department's money in the browser (费用预算与报销): the assistant drafts next year's budget and submits it, the head
/// and the executive approve it; an account manager files an entertainment claim from a phone with a photo of the
/// receipt, the head approves it seeing the budget left, the assistant records the payment and the execution shows it.
/// </summary>
public sealed class ExpenseTests(KamApp app) : BrowserTest(app)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

    private static ILocator Approve(IPage page) =>
        page.GetByRole(AriaRole.Button, new() { Name = "同 意" }).Or(page.GetByRole(AriaRole.Button, new() { Name = "同意" })).First;

    [Fact]
    public Task The_assistant_drafts_next_years_budget_and_the_head_and_the_executive_approve_it() => Run(async () =>
    {
        var assistant = await NewPageAsync(1440, 900);
        await LoginAsync(assistant, "assistant");
        await GotoInteractiveAsync(assistant, "/budgets/new");
        var year = DateTime.UtcNow.AddHours(8).Year + 1;
        await Expect(assistant.Locator("[data-testid=budget-year]")).ToHaveValueAsync(year.ToString(CultureInfo.InvariantCulture));
        // A year typed for PR spreads over its months; travel gets 12万 the same way.
        var rows = assistant.Locator("[data-testid=budget-grid-row]");
        await rows.Nth(0).Locator("[data-testid=budget-grid-year]").FillAsync("48万");
        await rows.Nth(0).Locator("[data-testid=budget-grid-year]").PressAsync("Tab");
        await rows.Nth(2).Locator("[data-testid=budget-grid-year]").FillAsync("120000");
        await rows.Nth(2).Locator("[data-testid=budget-grid-year]").PressAsync("Tab");
        await Expect(assistant.Locator("[data-testid=budget-grid-total]")).ToHaveTextAsync("¥600,000.00");
        await assistant.Locator("[data-testid=budget-note]").FillAsync("明年费用预算");
        await assistant.Locator("[data-testid=budget-note]").PressAsync("Tab");
        await assistant.Locator("[data-testid=budget-save]").ClickAsync();
        await assistant.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/budgets/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var budgetUrl = new Uri(assistant.Url).AbsolutePath;
        await WaitInteractiveAsync(assistant);
        await Expect(assistant.Locator("[data-testid=budget-status]")).ToContainTextAsync("草稿");
        await Expect(assistant.Locator("[data-testid=budget-grid-row][data-category=pr] [data-testid=budget-grid-month]").First).ToHaveValueAsync("40,000");
        await ShotAsync(assistant, "budget-draft");
        await assistant.Locator("[data-testid=budget-submit]").ClickAsync();
        await assistant.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await Expect(assistant.Locator("[data-testid=budget-status]")).ToContainTextAsync("审批中");
        await Expect(assistant.Locator("[data-testid=budget-save]")).ToHaveCountAsync(0); // locked under review

        // 600,000 a year: the head approves, then the executive (上级报批).
        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, budgetUrl);
        await Expect(head.Locator("[data-testid=budget-total]")).ToHaveTextAsync("¥600,000.00");
        await Approve(head).ClickAsync();
        await Expect(head.GetByText("副总经理").First).ToBeVisibleAsync();
        await Expect(head.Locator("[data-testid=budget-status]")).ToContainTextAsync("审批中");
        var exec = await NewPageAsync(1440, 900);
        await LoginAsync(exec, "exec");
        await GotoInteractiveAsync(exec, budgetUrl);
        await Approve(exec).ClickAsync();
        await Expect(exec.Locator("[data-testid=budget-status]")).ToContainTextAsync("已批准");
        await ShotAsync(exec, "budget-approved");
        await GotoInteractiveAsync(head, "/budgets");
        await Expect(head.Locator("[data-testid=budget-row]", new() { HasText = year.ToString(CultureInfo.InvariantCulture) })).ToContainTextAsync("已批准");
    });

    [Fact]
    public Task An_account_manager_files_an_entertainment_claim_from_a_phone_the_head_approves_and_the_assistant_pays() => Run(async () =>
    {
        using var api = await KamApi.LoginAsync(App, "am1");
        var name = $"招待{Digits(8)}家居有限公司";
        var account = await api.PostAsync("/api/accounts", new { name, category = "Enterprise" });
        var accountId = account.GetProperty("id").GetGuid();
        await api.PostAsync("/api/visits", new { accountId, at = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"), summary = "拜访采购总监，洽谈年度集采" });

        var assistant = await NewPageAsync(1440, 900);
        await LoginAsync(assistant, "assistant");
        await GotoInteractiveAsync(assistant, "/budgets/execution");
        var usedBefore = Yuan(await assistant.Locator("[data-testid=execution-used]").TextContentAsync());

        var phone = await NewPageAsync(390, 844);
        await LoginAsync(phone, "am1");
        await GotoInteractiveAsync(phone, "/expenses/new");
        var line = phone.Locator("[data-testid=claim-line]").First;
        await line.Locator("[data-testid=claim-line-category]").SelectOptionAsync(new SelectOptionValue { Label = "业务招待费" });
        await line.Locator("[data-testid=claim-line-amount]").FillAsync("680");
        await line.Locator("[data-testid=claim-line-amount]").PressAsync("Tab");
        await PickAsync(line.Locator("[data-testid=claim-line-account]"), name);
        // The account's visit today is offered to link the line to.
        await Expect(line.Locator("[data-testid=claim-line-visit] option")).ToHaveCountAsync(2);
        await line.Locator("[data-testid=claim-line-visit]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await line.Locator("[data-testid=claim-line-description]").FillAsync("与采购总监工作餐");
        await line.Locator("[data-testid=claim-line-description]").PressAsync("Tab");
        await line.Locator("[data-testid=claim-line-invoice]").FillAsync(Digits(20));
        await line.Locator("[data-testid=claim-line-invoice]").PressAsync("Tab");
        await line.Locator("[data-testid=claim-line-receipt]").SetInputFilesAsync(new FilePayload { Name = "发票.png", MimeType = "image/png", Buffer = Png });
        await Expect(line.Locator("[data-testid=claim-line-receipt-name]")).ToHaveTextAsync("发票.png");
        await AssertNoSidewaysScrollAsync(phone, "the new claim on a phone");
        await ShotAsync(phone, "claim-phone");
        await phone.Locator("[data-testid=claim-submit]").ClickAsync();
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/expenses/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var claimUrl = new Uri(phone.Url).AbsolutePath;
        await WaitInteractiveAsync(phone);
        await Expect(phone.Locator("[data-testid=claim-status]")).ToContainTextAsync("审批中");
        await Expect(phone.Locator("[data-testid=claim-receipt-link]")).ToHaveTextAsync("发票.png");
        await Expect(phone.Locator("[data-testid=claim-warnings]")).ToHaveCountAsync(0); // the account was visited today
        await AssertNoSidewaysScrollAsync(phone, "the submitted claim on a phone");

        // The head sees what is left of this month's entertainment budget beside the claim, and approves.
        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, claimUrl);
        await Expect(head.Locator("[data-testid=claim-budget]")).ToContainTextAsync("业务招待费");
        await Expect(head.Locator("[data-testid=claim-budget-left]").First).ToContainTextAsync("¥");
        await Expect(head.Locator("[data-testid=claim-account-spend]")).ToContainTextAsync(name);
        await ShotAsync(head, "claim-approver");
        await Approve(head).ClickAsync();
        await Expect(head.Locator("[data-testid=claim-status]")).ToContainTextAsync("已批准待付款");

        // The assistant records the payment.
        await GotoInteractiveAsync(assistant, claimUrl);
        await assistant.Locator("[data-testid=claim-pay-reference]").FillAsync("FK-" + Digits(6));
        await assistant.Locator("[data-testid=claim-pay-reference]").PressAsync("Tab");
        await assistant.Locator("[data-testid=claim-pay-button]").ClickAsync();
        await assistant.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "登记付款" }).ClickAsync();
        await Expect(assistant.Locator("[data-testid=claim-status]")).ToContainTextAsync("已付款");
        await Expect(assistant.Locator("[data-testid=claim-paid]")).ToContainTextAsync("FK-");

        // The year's execution counts the 680 as used.
        await GotoInteractiveAsync(assistant, "/budgets/execution");
        await Expect(assistant.Locator("[data-testid=execution-used]")).ToHaveTextAsync(Money(usedBefore + 680m));
        await ShotAsync(assistant, "budget-execution");
    });

    private static decimal Yuan(string? text) => decimal.Parse((text ?? "").Replace("¥", "").Replace(",", ""), CultureInfo.InvariantCulture);

    private static string Money(decimal amount) => "¥" + amount.ToString("N2", CultureInfo.InvariantCulture);
}
