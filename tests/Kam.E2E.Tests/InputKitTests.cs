using System.Globalization;
using System.Text.RegularExpressions;
using Kam.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>
/// The interface kit's inputs as people use them: the date box in Chinese and yyyy-MM-dd even in an English browser
/// (where a native date input shows mm/dd/yyyy), typed or picked; the account picker that searches as you type.
/// </summary>
public sealed partial class InputKitTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task In_an_English_browser_the_date_box_speaks_Chinese_takes_typed_dates_and_filters_the_list() => Run(async () =>
    {
        var page = await NewPageAsync(1280, 800, browserLocale: "en-US");
        await LoginAsync(page, "assistant");
        await GotoInteractiveAsync(page, "/meetings");
        var from = page.Locator("[data-testid=meeting-from]");
        var input = from.Locator("input");
        await Expect(input).ToHaveAttributeAsync("placeholder", "选择日期");

        // Picked from the calendar: Chinese month and weekdays, weeks from Monday, the day lands as yyyy-MM-dd.
        await input.ClickAsync();
        var panel = from.Locator(".kam-dp-panel");
        await Expect(panel.Locator(".kam-dp-title")).ToHaveTextAsync(MonthTitle());
        await Expect(panel.Locator(".kam-dp-weekday").First).ToHaveTextAsync("周一");
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await panel.Locator($"[data-day='{firstOfMonth}']").ClickAsync();
        await Expect(panel).ToHaveCountAsync(0);
        await Expect(input).ToHaveValueAsync(firstOfMonth);

        // Typed the ways people type dates; nonsense is marked and changes nothing.
        await TypeDateAsync(from, "2026-01-05");
        await input.FillAsync("2026/2/3");
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync("2026-02-03");
        await input.FillAsync("20260304");
        await input.PressAsync("Enter");
        await Expect(input).ToHaveValueAsync("2026-03-04");
        await input.FillAsync("明天");
        await input.PressAsync("Enter");
        await Expect(from.Locator(".ant-picker-status-error")).ToHaveCountAsync(1);

        // The list follows the last good date: no meeting before 2026-03-04 is shown.
        await input.FillAsync("2026-11-01");
        await input.PressAsync("Enter");
        await Expect(from.Locator(".ant-picker-status-error")).ToHaveCountAsync(0);
        var dates = await page.Locator("td").Filter(new() { HasTextRegex = DateTime() }).AllInnerTextsAsync();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.True(string.CompareOrdinal(DateTime().Match(d).Value, "2026-11-01") >= 0, d));
    });

    [Fact]
    public Task The_account_picker_searches_the_callers_accounts_as_they_type_and_takes_the_one_picked() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, "/orders/new");
        var picker = page.Locator("[data-testid=visit-account]");
        var input = picker.Locator("input");
        await input.ClickAsync();
        await input.FillAsync("家居");
        var options = picker.Locator(".kam-picker-option");
        // The matches are the server's search in am1's scope, the same as the account list's for the same words.
        using var api = await KamApi.LoginAsync(App, "am1");
        var found = await api.GetAsync("/api/accounts?search=" + Uri.EscapeDataString("家居") + "&pageSize=20&sort=name");
        var names = found.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("name").GetString()!).ToArray();
        Assert.True(names.Length > 1);
        await Expect(options.Locator(".kam-picker-main")).ToHaveTextAsync(names);

        await input.PressAsync("ArrowDown");
        await input.PressAsync("Enter");
        await Expect(picker.Locator(".kam-picker-list")).ToHaveCountAsync(0);
        await Expect(input).ToHaveValueAsync(names[1]);
        // A search that finds nothing says so.
        await input.FillAsync("不存在的客户名称");
        await Expect(picker.Locator(".kam-picker-empty")).ToHaveTextAsync("无匹配项");
    });

    private static Regex MonthTitle() => MonthTitleRegex();

    [GeneratedRegex(@"^\d{4}年\d{1,2}月$")]
    private static partial Regex MonthTitleRegex();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateTime();
}
