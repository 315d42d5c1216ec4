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

        await page.Locator("select[data-testid=filter-owner]").SelectOptionAsync(new SelectOptionValue { Label = "张伟" });
        await Expect(rows.First).ToContainTextAsync("张伟");
        foreach (var row in await rows.AllAsync())
            await Expect(row).ToContainTextAsync("张伟");

        await page.Locator("select[data-testid=filter-tier]").SelectOptionAsync("A");
        await Expect(rows.First.Locator(".kam-tier")).ToHaveTextAsync("A 级");
        foreach (var row in await rows.AllAsync())
        {
            await Expect(row).ToContainTextAsync("张伟");
            await Expect(row.Locator(".kam-tier")).ToHaveTextAsync("A 级");
        }
    });
}
