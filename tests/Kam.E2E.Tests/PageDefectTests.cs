using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Pages that were broken for every user while the suite passed: the visit calendar and the print buttons.</summary>
public sealed class PageDefectTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task On_a_phone_the_menu_closes_after_choosing_an_entry_and_on_a_tap_beside_it() => Run(async () =>
    {
        var page = await NewPageAsync(390, 844);
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, "/accounts");
        var sider = page.Locator(".kam-sider");
        await Expect(sider).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));

        await page.Locator(".ant-layout-sider-zero-width-trigger").ClickAsync();
        await Expect(page.Locator("[data-testid=nav-backdrop]")).ToBeVisibleAsync();
        await page.Locator(".kam-sider a[href='/']").First.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Expect(sider).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));
        await Expect(page.Locator("[data-testid=nav-backdrop]")).ToHaveCountAsync(0);

        await page.Locator(".ant-layout-sider-zero-width-trigger").ClickAsync();
        await page.Locator("[data-testid=nav-backdrop]").ClickAsync(new() { Position = new() { X = 360, Y = 400 } });
        await Expect(page.Locator("[data-testid=nav-backdrop]")).ToHaveCountAsync(0);
        await Expect(sider).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("ant-layout-sider-collapsed"));
    });

    [Fact]
    public Task An_unknown_address_shows_Kams_own_not_found_page_in_Chinese() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "am1");
        var response = await page.GotoAsync("/no-such-page/" + Digits(6));
        Assert.Equal(404, response!.Status);
        await Expect(page.GetByText("抱歉，您访问的页面不存在")).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='/']").First).ToBeVisibleAsync();
    });

    [Fact]
    public Task The_visit_calendar_opens_and_moves_a_week_on_without_an_error() => Run(async () =>
    {
        var page = await NewPageAsync();
        var errors = Errors(page);
        await LoginAsync(page, "am1");
        var response = await page.GotoAsync("/visits/calendar");
        Assert.Equal(200, response!.Status);
        await WaitInteractiveAsync(page);
        var title = await page.Locator("[data-testid=calendar-title]").InnerTextAsync();
        await page.Locator("[data-testid=calendar-next]").ClickAsync();
        await Expect(page.Locator("[data-testid=calendar-title]")).Not.ToHaveTextAsync(title);
        await Expect(page.Locator("[data-testid=calendar-next]")).ToHaveAttributeAsync("aria-label", "下一页");
        Assert.Empty(errors);
    });

    [Fact]
    public Task The_print_button_of_a_contract_prints_under_the_content_security_policy() => Run(async () =>
    {
        using var am1 = await KamApi.LoginAsync(App, "am1");
        var account = await am1.PostAsync("/api/accounts", new { name = UniqueName("打印客户") + "家居有限公司", category = "Dealer", status = "Active" });
        var contract = await am1.PostAsync("/api/contracts", new
        {
            kind = "Purchase",
            accountId = account.GetProperty("id").GetString(),
            title = UniqueName("打印合同"),
            amount = 100000m,
            startOn = "2026-01-01",
            endOn = "2026-12-31",
            paymentTerms = "月结30天",
        });

        var page = await NewPageAsync();
        var errors = Errors(page);
        // The browser's print dialog cannot be seen headless: count the calls instead.
        await page.AddInitScriptAsync("window.__printed = 0; window.print = () => { window.__printed++; };");
        await LoginAsync(page, "am1");
        await page.GotoAsync($"/contracts/{contract.GetProperty("id").GetString()}/print");
        await page.Locator("[data-testid=print]").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__printed === 1");
        Assert.Empty(errors);
    });

    /// <summary>Console errors and Content Security Policy violations the page reports.</summary>
    private static List<string> Errors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
                errors.Add(m.Text);
        };
        page.PageError += (_, e) => errors.Add(e);
        return errors;
    }
}
