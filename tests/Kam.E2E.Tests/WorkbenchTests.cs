using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Signing in, the workbench, the language switch and who may open what.</summary>
public sealed class WorkbenchTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Head_logs_in_and_sees_the_workbench_in_Chinese() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "head");

        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        await Expect(page.Locator("[data-testid=welcome]")).ToContainTextAsync("李明");

        var nav = page.Locator(".kam-sider");
        await Expect(nav.GetByText("工作台")).ToBeVisibleAsync();
        await nav.GetByText("系统管理").ClickAsync();
        await Expect(nav.GetByText("审计日志")).ToBeVisibleAsync();
        await Expect(nav.GetByText("用户管理")).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Wrong_password_shows_a_Chinese_error() => Run(async () =>
    {
        var page = await NewPageAsync();
        await SubmitLoginAsync(page, "am2", "NotTheRightOne1");

        await Expect(page.Locator("[data-testid=login-error]")).ToHaveTextAsync("用户名或密码错误");
        Assert.Equal("/login", new Uri(page.Url).AbsolutePath);
    });

    [Fact]
    public Task Switching_to_English_and_back() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "head");

        await page.Locator("[data-testid=lang-en]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Workbench");
        await Expect(page.Locator(".kam-sider")).ToContainTextAsync("System");
        await WaitInteractiveAsync(page);

        await page.Locator("[data-testid=lang-zh]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("工作台");
        await Expect(page.Locator(".kam-sider")).ToContainTextAsync("系统管理");
    });

    [Fact]
    public Task Head_opens_the_audit_trail() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, "/admin/audit");

        await Expect(page.Locator("h1")).ToHaveTextAsync("审计日志");
        await Expect(page.Locator(".ant-table-row .ant-tag", new() { HasText = "新增" }).First).ToBeVisibleAsync();
    });

    [Fact]
    public Task Account_manager_is_refused_the_user_admin_page() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "am1");
        await page.GotoAsync("/admin/users");

        await Expect(page.GetByText("抱歉，您没有权限访问此页面")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "新建用户" })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Workbench_is_usable_at_phone_size() => Run(async () =>
    {
        var page = await NewPageAsync(width: 390, height: 844);
        await LoginAsync(page, "head");

        await Expect(page.Locator("[data-testid=welcome]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=welcome]")).ToContainTextAsync("李明");
        await AssertNoSidewaysScrollAsync(page, "The workbench");
    });
}
