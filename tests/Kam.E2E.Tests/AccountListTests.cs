using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>The account list's filters, as the head uses them.</summary>
public sealed class AccountListTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Head_filters_the_list_by_owner_and_by_tier() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, "/accounts");
        var rows = page.Locator(".ant-table-tbody .ant-table-row");
        await Expect(rows.First).ToBeVisibleAsync();

        // Retrying assertions over the whole table: they hold only once the filtered page has replaced the old one.
        await page.Locator("select[data-testid=filter-owner]").SelectOptionAsync(new SelectOptionValue { Label = "张伟" });
        await Expect(rows.Filter(new() { HasNotText = "张伟" })).ToHaveCountAsync(0);
        await Expect(rows.First).ToContainTextAsync("张伟");

        await page.Locator("select[data-testid=filter-tier]").SelectOptionAsync("A");
        await Expect(rows.Filter(new() { HasNotText = "A 级" })).ToHaveCountAsync(0);
        await Expect(rows.Filter(new() { HasNotText = "张伟" })).ToHaveCountAsync(0);
        await Expect(rows.First.Locator(".kam-tier")).ToHaveTextAsync("A 级");
    });
}
