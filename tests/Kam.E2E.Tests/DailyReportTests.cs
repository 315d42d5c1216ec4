using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>An account manager submits the day's report from a phone; the head sees who has not, comments and marks it reviewed.</summary>
public sealed class DailyReportTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Account_manager_submits_from_a_phone_and_the_head_reviews() => Run(async () =>
    {
        var writer = UniqueName("rw");
        var silent = UniqueName("rs");
        using (var admin = await KamApi.LoginAsync(App, "admin"))
        {
            await admin.CreateAccountManagerAsync(writer, "日报" + writer[2..6], "Start2026a");
            await admin.CreateAccountManagerAsync(silent, "未交" + silent[2..6], "Start2026a");
        }

        var phone = await NewPageAsync(width: 390, height: 844);
        await LoginAsync(phone, writer, "Start2026a");
        await GotoInteractiveAsync(phone, "/daily-reports");
        await Expect(phone.Locator("[data-testid=report-visits]")).ToContainTextAsync("当日没有已完成的拜访记录");
        await phone.Locator("[data-testid=report-other-work] textarea").FillAsync("整理客户资料，电话回访三家经销商");
        await phone.Locator("[data-testid=report-tomorrow-plan] textarea").FillAsync("拜访华南区两家经销商");
        await phone.GetByRole(AriaRole.Button, new() { Name = "提交日报" }).ClickAsync();
        await Expect(phone.Locator("[data-testid=my-reports]")).ToContainTextAsync("已提交");

        var head = await NewPageAsync();
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, "/daily-reports");
        await Expect(head.Locator($"[data-testid=state-{writer}]")).ToHaveAttributeAsync("data-state", "Submitted");
        await Expect(head.Locator($"[data-testid=state-{silent}]")).ToHaveAttributeAsync("data-state", "Missing");
        await head.Locator($"[data-testid=open-{writer}]").ClickAsync();
        await Expect(head.Locator(".kam-report-text").First).ToContainTextAsync("整理客户资料");
        await head.Locator("[data-testid=review-comment] textarea").FillAsync("回访要落实到具体人");
        await head.GetByRole(AriaRole.Button, new() { Name = "标记已审阅" }).ClickAsync();
        await Expect(head.Locator("[data-testid=report-status]")).ToHaveAttributeAsync("data-status", "Reviewed");

        await GotoInteractiveAsync(phone, "/daily-reports");
        await Expect(phone.Locator("[data-testid=report-comment]")).ToContainTextAsync("回访要落实到具体人");
        await Expect(phone.Locator("[data-testid=report-other-work] textarea")).ToBeDisabledAsync();
    });
}
