using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>The account list's filters, as the head uses them on a desk and an account manager on a phone.</summary>
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

    [Fact]
    public Task On_a_phone_the_filters_wait_behind_the_filter_button_and_a_card_shows_name_and_tier_but_not_the_last_update() => Run(async () =>
    {
        var page = await NewPageAsync(390, 844);
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, "/accounts");
        var rows = page.Locator(".ant-table-tbody .ant-table-row");
        await Expect(rows.First).ToBeVisibleAsync();

        // The search box is in sight; the other filters only once 筛选 is tapped.
        var tier = page.Locator("select[data-testid=filter-tier]");
        var toggle = page.Locator("[data-testid=filter-toggle]");
        await Expect(page.Locator("[data-testid=account-search]")).ToBeVisibleAsync();
        await Expect(toggle).ToContainTextAsync("筛选");
        await Expect(tier).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(tier).ToBeVisibleAsync();

        // A chosen filter stays open, is counted on the button and filters the cards; tapping again folds the filters.
        await tier.SelectOptionAsync("A");
        await Expect(page.Locator("[data-testid=filter-count]")).ToHaveTextAsync("1");
        await Expect(rows.Filter(new() { HasNotText = "A 级" })).ToHaveCountAsync(0);
        await Expect(tier).ToBeVisibleAsync();
        await toggle.ClickAsync();
        await Expect(tier).ToBeHiddenAsync();

        // A card: the account's name and tier; when it was last updated stays on the desk's table.
        var card = rows.First;
        await Expect(card.Locator("a.kam-account-link")).ToBeVisibleAsync();
        await Expect(card.Locator("td[data-label='客户等级'] .kam-tier")).ToHaveTextAsync("A 级");
        await Expect(card.Locator("td[data-label='最近更新']")).ToHaveCountAsync(1);
        await Expect(card.Locator("td[data-label='最近更新']")).ToBeHiddenAsync();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways ({widths[0]}px in {widths[1]}px)");
    });
}
