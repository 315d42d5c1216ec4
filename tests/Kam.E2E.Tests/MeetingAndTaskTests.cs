using Kam.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Meetings and their action items (会议纪要与督办): recorded by the assistant, carried out by the owner.</summary>
public sealed class MeetingAndTaskTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Assistant_records_a_meeting_with_an_action_item_that_am2_finds_on_the_workbench_and_marks_done() => Run(async () =>
    {
        var title = "整理华东区样品库存" + Digits(6);
        var assistant = await NewPageAsync();
        await LoginAsync(assistant, "assistant");
        await GotoInteractiveAsync(assistant, "/meetings/new");
        await assistant.Locator("[data-testid=meeting-title] input, input[data-testid=meeting-title]").First.FillAsync("十一月经营例会");
        // Agenda, minutes, decisions: the minutes are the second text area.
        await assistant.Locator("form textarea").Nth(1).FillAsync("回顾本月重点客户拜访情况，布置下月工作。");
        await assistant.Locator("[data-testid=meeting-attendees] label", new() { HasText = "刘洋" }).Locator("input").CheckAsync();
        await assistant.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "添加督办事项" }).ClickAsync();
        await assistant.Locator("[data-testid=action-item-title]").FillAsync(title);
        await assistant.Locator("[data-testid=action-item-owner]").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = "刘洋" });
        await TypeDateAsync(assistant.Locator("[data-testid=action-item-due]"), DateTime.Today.AddDays(7).ToString("yyyy-MM-dd"));
        await assistant.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保 存" }).Or(assistant.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "保存" })).ClickAsync();
        await assistant.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, "^/meetings/[0-9a-f-]{36}$"));

        var am2 = await NewPageAsync();
        await LoginAsync(am2, "am2");
        var item = am2.Locator("[data-testid=open-items] a", new() { HasText = title });
        await Expect(item).ToBeVisibleAsync();
        await item.ClickAsync();
        await am2.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/tasks/", StringComparison.Ordinal));
        await WaitInteractiveAsync(am2);
        await Expect(am2.Locator("[data-testid=task-status]")).ToHaveTextAsync("未开始");
        await am2.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "标记完成" }).ClickAsync();
        await am2.Locator(".ant-popover").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "确 定" })
            .Or(am2.Locator(".ant-popover").GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "确定" })).ClickAsync();
        await Expect(am2.Locator("[data-testid=task-status]")).ToHaveTextAsync("已完成");

        // Done items leave the workbench.
        await GotoInteractiveAsync(am2, "/");
        await Expect(am2.Locator("[data-testid=open-items]")).ToBeVisibleAsync();
        await Expect(am2.Locator("[data-testid=open-items] a", new() { HasText = title })).ToHaveCountAsync(0);
    });
}
