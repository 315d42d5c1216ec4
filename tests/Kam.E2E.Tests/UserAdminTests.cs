using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>The administrator's user management, seen from the admin's and the managed user's browsers.</summary>
public sealed class UserAdminTests(KamApp app) : BrowserTest(app)
{
    private const string StartPassword = "Start2026a";

    [Fact]
    public Task Admin_creates_a_user_who_can_then_log_in() => Run(async () =>
    {
        var admin = await AdminOnUsersPageAsync();
        var userName = UniqueName("am");
        var displayName = "王芳" + userName[^4..];

        await FillCreateFormAsync(admin, userName, displayName, StartPassword);
        await SaveButton(admin).ClickAsync();

        await Expect(admin.Locator(".ant-modal")).ToBeHiddenAsync();
        await Expect(Row(admin, userName)).ToContainTextAsync(displayName);
        await Expect(Row(admin, userName)).ToContainTextAsync("在职");

        var user = await NewPageAsync();
        await LoginAsync(user, userName, StartPassword);
        await Expect(user.Locator("[data-testid=welcome]")).ToContainTextAsync(displayName);
    });

    [Fact]
    public Task Deactivated_user_cannot_log_in() => Run(async () =>
    {
        var admin = await AdminOnUsersPageAsync();
        var userName = UniqueName("gone");
        await FillCreateFormAsync(admin, userName, "离职" + userName[^4..], StartPassword);
        await SaveButton(admin).ClickAsync();
        await Expect(Row(admin, userName)).ToContainTextAsync("在职");

        await admin.Locator($"[data-testid=deactivate-{userName}]").ClickAsync();
        await admin.Locator(".ant-popover:visible .ant-btn-primary").ClickAsync();

        await Expect(Row(admin, userName)).ToContainTextAsync("已停用");

        var user = await NewPageAsync();
        await SubmitLoginAsync(user, userName, StartPassword);
        await Expect(user.Locator("[data-testid=login-error]")).ToHaveTextAsync("该账号已停用，请联系系统管理员");
        Assert.Equal("/login", new Uri(user.Url).AbsolutePath);
    });

    [Fact]
    public Task Invalid_user_form_shows_errors_beside_the_fields() => Run(async () =>
    {
        var admin = await AdminOnUsersPageAsync();
        var userName = UniqueName("bad");

        // The form itself asks for the missing name before anything is sent...
        await FillCreateFormAsync(admin, userName, "", "abc1");
        await SaveButton(admin).ClickAsync();
        await Expect(ErrorBeside(admin, "user-displayname")).ToHaveTextAsync("请输入姓名");

        // ...and once the name is there, the server's password rule shows beside the password.
        await Field(admin, "user-displayname").FillAsync("钱进");
        await SaveButton(admin).ClickAsync();
        await Expect(ErrorBeside(admin, "user-password")).ToHaveTextAsync("密码至少 8 位");
        await Expect(ErrorBeside(admin, "user-displayname")).ToHaveCountAsync(0);
        await Expect(admin.Locator(".ant-modal")).ToBeVisibleAsync();

        // Nothing was saved: a fresh look at the list does not show the user.
        await GotoInteractiveAsync(admin, "/admin/users");
        await Expect(Row(admin, "am1")).ToBeVisibleAsync();
        await Expect(Row(admin, userName)).ToHaveCountAsync(0);
    });

    private async Task<IPage> AdminOnUsersPageAsync()
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "admin");
        await GotoInteractiveAsync(page, "/admin/users");
        await Expect(page.Locator("h1")).ToHaveTextAsync("用户管理");
        return page;
    }

    private static async Task FillCreateFormAsync(IPage page, string userName, string displayName, string password)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "新建用户" }).ClickAsync();
        await Field(page, "user-username").FillAsync(userName);
        await Field(page, "user-displayname").FillAsync(displayName);
        await Field(page, "user-password").FillAsync(password);
        await page.Locator("[data-testid=role-AccountManager]").CheckAsync();
    }

    // AntDesign's Button renders no data-testid (it takes no extra attributes), so the buttons are found as a user sees them.
    private static ILocator SaveButton(IPage page) => page.Locator(".ant-modal button[type=submit]");

    // AntDesign's Input and InputPassword pass the data-testid on to the <input> element itself.
    private static ILocator Field(IPage page, string testId) => page.Locator($"input[data-testid={testId}]");

    private static ILocator ErrorBeside(IPage page, string testId) =>
        page.Locator(".ant-form-item", new() { Has = Field(page, testId) }).Locator(".ant-form-item-explain-error");

    private static ILocator Row(IPage page, string userName) =>
        page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });
}
