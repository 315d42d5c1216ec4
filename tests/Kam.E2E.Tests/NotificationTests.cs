using System.Text.RegularExpressions;
using Kam.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>The notification centre: the bell counts what is unread, and a message leads to what it is about.</summary>
public sealed class NotificationTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task A_task_the_head_assigns_rings_the_bell_of_its_owner_at_phone_size_and_leads_to_the_task() => Run(async () =>
    {
        var userName = UniqueName("bell");
        var title = "回访华南区经销商" + Digits(6);
        Guid ownerId;
        using (var admin = await KamApi.LoginAsync(App, "admin"))
            ownerId = await admin.CreateAccountManagerAsync(userName, "铃铛" + userName[4..8], "Start2026a");
        using (var head = await KamApi.LoginAsync(App, "head"))
            await head.PostAsync("/api/tasks", new { title, ownerId, dueOn = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd") });

        var page = await NewPageAsync(width: 390, height: 844);
        await LoginAsync(page, userName, "Start2026a");
        await Expect(page.Locator("[data-testid=notification-unread]")).ToHaveTextAsync("1");
        await page.Locator("[data-testid=notification-bell]").ClickAsync();
        var panel = page.Locator("[data-testid=notification-panel]");
        var item = panel.Locator("a.kam-bell-item", new() { HasText = title });
        await Expect(item).ToContainTextAsync("新事项");
        await item.ClickAsync();
        await page.WaitForURLAsync(url => Regex.IsMatch(new Uri(url).AbsolutePath, "^/tasks/[0-9a-f-]{36}$"));
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("h1")).ToContainTextAsync(title);
        await Expect(page.Locator("[data-testid=notification-unread]")).ToHaveTextAsync("0");

        // The centre keeps it, read.
        await GotoInteractiveAsync(page, "/notifications");
        await Expect(page.Locator("[data-testid=notification-item]", new() { HasText = title })).ToBeVisibleAsync();
    });
}
