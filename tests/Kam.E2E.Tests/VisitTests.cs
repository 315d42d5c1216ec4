using System.Text.RegularExpressions;
using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Visits (拜访): an account manager plans a visit and completes it, at the desk and on a phone.</summary>
public sealed class VisitTests(KamApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public Task Account_manager_plans_a_visit_completes_it_with_two_contacts_and_sees_it_on_the_timeline(int width, int height) => Run(async () =>
    {
        var (accountId, name) = await AccountWithContactsAsync("王建国", "钱多多", "孙小美");
        var page = await NewPageAsync(width, height);
        await LoginAsync(page, "am1");

        // Plan from the account's 拜访 tab: the account is already chosen, its contacts are offered.
        await GotoInteractiveAsync(page, $"/accounts/{accountId}");
        await OpenTabAsync(page, "拜访");
        await page.Locator("[data-testid=account-visit-plan]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/visits/plan");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".kam-visit-account")).ToContainTextAsync(name);
        var contacts = page.Locator("[data-testid=visit-contacts]");
        await contacts.GetByText("王建国").ClickAsync();
        await page.Locator("[data-testid=visit-purpose] textarea").FillAsync("介绍新产品线");
        await page.Locator("form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, "^/visits/[0-9a-f-]{36}$"));
        await Expect(page.Locator("[data-testid=visit-status]")).ToContainTextAsync("计划中");

        // Complete it: the planned contact is ticked already; tick one more, write what happened.
        await page.Locator("[data-testid=visit-complete]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/complete", StringComparison.Ordinal));
        await WaitInteractiveAsync(page);
        contacts = page.Locator("[data-testid=visit-contacts]");
        await Expect(contacts.Locator("label.on")).ToHaveTextAsync([new Regex("王建国")]);
        await contacts.GetByText("钱多多").ClickAsync();
        // The plan is for tomorrow: the visit took place now.
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).AddMinutes(-5);
        await TypeDateAsync(page.Locator("[data-testid=visit-at]"), now.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=visit-summary] textarea").FillAsync("客户对新产品线很感兴趣，约定下周报价");
        await page.Locator("form button[type=submit]").ClickAsync();

        await Expect(page.Locator("[data-testid=visit-status]")).ToContainTextAsync("已拜访");
        await Expect(page.Locator("[data-testid=visit-met]")).ToContainTextAsync("王建国");
        await Expect(page.Locator("[data-testid=visit-met]")).ToContainTextAsync("钱多多");
        await Expect(page.Locator("[data-testid=visit-met]")).Not.ToContainTextAsync("孙小美");

        // The account's timeline shows the visit; its header the last visit.
        await GotoInteractiveAsync(page, $"/accounts/{accountId}?tab=timeline");
        await Expect(page.Locator("[data-testid=account-visit-standing]")).ToContainTextAsync(now.ToString("yyyy-MM-dd"));
        await Expect(page.Locator("[data-testid=account-timeline]")).ToContainTextAsync("拜访：客户对新产品线很感兴趣");
    });

    /// <summary>Opens a tab of the account page; on a phone the tab may lie beyond the visible strip, so the click is sent to it directly.</summary>
    private static async Task OpenTabAsync(IPage page, string name)
    {
        var tab = page.GetByRole(AriaRole.Tab, new() { Name = name, Exact = true });
        // The tab strip may still be settling after the page loaded: click again until the tab is the selected one.
        for (var attempt = 0; ; attempt++)
        {
            await tab.DispatchEventAsync("click");
            try
            {
                await Expect(tab).ToHaveAttributeAsync("aria-selected", "true", new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    private async Task<(Guid Id, string Name)> AccountWithContactsAsync(params string[] contacts)
    {
        using var api = await KamApi.LoginAsync(App, "am1");
        var name = $"拜访测试{Digits(6)}有限公司";
        var account = await api.PostAsync("/api/accounts", new { name, category = "Enterprise" });
        var id = account.GetProperty("id").GetGuid();
        foreach (var contact in contacts)
            await api.PostAsync($"/api/accounts/{id}/contacts", new { name = contact, title = "经理" });
        return (id, name);
    }
}
