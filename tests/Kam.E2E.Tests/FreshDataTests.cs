using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>
/// A page reads fresh data after someone else saved: each step a page takes runs on its own database context, so a
/// circuit open for hours never keeps a stale copy (no false 409), while a page that really is stale still gets one.
/// </summary>
public sealed class FreshDataTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task A_task_saved_by_the_head_in_between_is_read_fresh_by_am1_after_moving_on_in_the_same_circuit() => Run(async () =>
    {
        using var head = await KamApi.LoginAsync(App, "head");
        string? am1Id;
        using (var am1 = await KamApi.LoginAsync(App, "am1"))
            am1Id = (await am1.GetAsync("/api/me")).GetProperty("id").GetString();
        var title = "核对华南区样品" + Digits(6);
        var task = await head.PostAsync("/api/tasks", new { title, ownerId = am1Id, dueOn = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd") });
        var id = task.GetProperty("item").GetProperty("id").GetString();

        var page = await NewPageAsync();
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, $"/tasks/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "开始处理" }).ClickAsync();
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("进行中");

        // The head renames it while am1's page is open; am1 moves on inside the same circuit (no page load) and sees it.
        await RenameAsync(head, id!, title + "（一）");
        await ReopenInCircuitAsync(page, id!, title + "（一）");

        // The head renames it again: am1's page is stale now, and its next step is a true conflict that changes nothing.
        await RenameAsync(head, id!, title + "（二）");
        await MarkDoneAsync(page);
        await Expect(page.GetByText("该记录已被他人修改，请刷新后重试")).ToBeVisibleAsync();
        Assert.Equal("InProgress", (await head.GetAsync($"/api/tasks/{id}")).GetProperty("item").GetProperty("status").GetString());

        // After moving on again the same step succeeds. With one context for the whole circuit it still held the task as
        // am1 had saved it first, and answered every later step with a false 409.
        await ReopenInCircuitAsync(page, id!, title + "（二）");
        await MarkDoneAsync(page);
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已完成");
        var saved = await head.GetAsync($"/api/tasks/{id}");
        Assert.Equal("Done", saved.GetProperty("item").GetProperty("status").GetString());
        Assert.Equal(title + "（二）", saved.GetProperty("item").GetProperty("title").GetString());
    });

    private static async Task RenameAsync(KamApi head, string id, string title)
    {
        var current = await head.GetAsync($"/api/tasks/{id}");
        await head.PutAsync($"/api/tasks/{id}", new { version = current.GetProperty("version").GetString(), title });
    }

    private static async Task ReopenInCircuitAsync(IPage page, string id, string title)
    {
        await page.EvaluateAsync("() => Blazor.navigateTo('/tasks')");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/tasks");
        await page.EvaluateAsync($"() => Blazor.navigateTo('/tasks/{id}')");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    private static async Task MarkDoneAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "标记完成" }).ClickAsync();
        await page.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确 定" })
            .Or(page.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确定" })).ClickAsync();
    }
}
