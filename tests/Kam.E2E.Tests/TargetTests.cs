using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Targets in the browser: the head breaks December's collections down, the account manager follows their progress on the phone.</summary>
public sealed class TargetTests(KamApp app) : BrowserTest(app)
{
    private static string December => $"{DateTime.Now.Year}-12";

    private static async Task FillAsync(ILocator input, string value)
    {
        await input.FillAsync(value);
        await input.PressAsync("Tab");
    }

    [Fact]
    public Task Head_breaks_Decembers_collections_down_and_is_shown_the_difference_before_it_saves() => Run(async () =>
    {
        var page = await NewPageAsync(1440, 900);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, $"/targets/breakdown?period={December}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("目标分解");
        await page.Locator("[data-testid=breakdown-metric]").SelectOptionAsync("Collected");

        await FillAsync(page.Locator("[data-testid=department-minimum]"), "1600000");
        await FillAsync(page.Locator("[data-testid=department-challenge]"), "2400000");
        await FillAsync(page.Locator("[data-testid=department-target]"), "2000000");
        var rows = page.Locator("[data-testid=breakdown-row]");
        var count = await rows.CountAsync();
        Assert.True(count >= 4, $"four account managers at least, found {count}");
        for (var i = 0; i < count; i++)
        {
            var row = rows.Nth(i);
            var target = i < 3 ? "500000" : i == 3 ? "400000" : "0";
            await FillAsync(row.Locator("[data-testid=person-minimum]"), "0");
            await FillAsync(row.Locator("[data-testid=person-challenge]"), i < 4 ? "800000" : "0");
            await FillAsync(row.Locator("[data-testid=person-target]"), target);
        }
        // The difference shows while the head types, and the server refuses the save with it.
        await Expect(page.Locator("[data-testid=breakdown-difference]")).ToContainTextAsync("差额 ¥100,000.00");
        await page.Locator("[data-testid=breakdown-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=breakdown-people-error]")).ToContainTextAsync("与部门目标");
        await Expect(page.Locator("[data-testid=breakdown-people-error]")).ToContainTextAsync("差额");
        await ShotAsync(page, "breakdown-difference");

        await FillAsync(rows.Nth(3).Locator("[data-testid=person-target]"), "500000");
        await Expect(page.Locator("[data-testid=breakdown-difference]")).ToHaveTextAsync("与部门目标一致");
        await page.Locator("[data-testid=breakdown-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=breakdown-saved]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=breakdown-people-error]")).ToHaveCountAsync(0);

        // The progress page reads the new target.
        await GotoInteractiveAsync(page, $"/targets?period={December}");
        await Expect(page.Locator("[data-testid=target-tile-Collected]")).ToContainTextAsync("¥200万");
        await Expect(page.Locator("[data-testid=progress-row]").First).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=target-bars]")).ToBeVisibleAsync();
        await ShotAsync(page, "progress-head");

        // The year: the department's trend by month beside the cumulative line.
        await GotoInteractiveAsync(page, $"/targets?period={December[..4]}");
        await Expect(page.Locator("[data-testid=target-trend]")).ToBeVisibleAsync();
        await ShotAsync(page, "progress-year-head");
    });

    [Fact]
    public Task Account_manager_follows_their_progress_on_the_phone() => Run(async () =>
    {
        var page = await NewPageAsync(width: 390, height: 844);
        await LoginAsync(page, "am1");

        var tiles = page.Locator("[data-testid=workbench-targets]");
        await Expect(tiles).ToBeVisibleAsync();
        await Expect(tiles.Locator("[data-testid=target-tile-Collected]")).ToContainTextAsync("回款额");
        await Expect(tiles.Locator("[data-testid=target-tile-Visits]")).ToContainTextAsync("拜访次数");
        await AssertNoSidewaysScrollAsync(page, "The workbench");
        await ShotAsync(page, "workbench-am1-phone");

        await page.Locator("[data-testid=workbench-targets-link]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("目标进度");
        await Expect(page.GetByText("我的目标")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=progress-row]")).ToHaveCountAsync(1); // their own line only
        await Expect(page.GetByText("排名")).ToHaveCountAsync(0); // the ranking is the head's to show
        await AssertNoSidewaysScrollAsync(page, "The progress page");
        await ShotAsync(page, "progress-am1-phone");
    });
}
