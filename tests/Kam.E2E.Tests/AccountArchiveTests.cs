using System.Text.RegularExpressions;
using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>The account archive (客户档案): creating accounts and contacts, who sees them, handover, import, export, phones.</summary>
public sealed partial class AccountArchiveTests(KamApp app) : BrowserTest(app)
{
    private const string StartPassword = "Start2026a";

    [Fact]
    public Task Account_manager_creates_an_account_with_two_contacts_and_sees_the_relationship_map() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "am1");
        var name = UniqueAccountName();

        await CreateAccountAsync(page, name);
        await Expect(page.Locator("[data-testid=account-owner]")).ToHaveTextAsync("张伟");
        await Expect(page.Locator(".ant-descriptions")).ToContainTextAsync("广州市");

        await ContactsTab(page).ClickAsync();
        await Expect(ContactsTab(page)).ToContainTextAsync("(0)");
        await AddContactAsync(page, "王建国", "总经理", "DecisionMaker", "Supportive");
        await AddContactAsync(page, "钱多多", "采购经理", "Influencer", "Opposed", reportsTo: "王建国（总经理）");

        await Expect(ContactsTab(page)).ToContainTextAsync("(2)");
        var map = page.Locator("[data-testid=relationship-map]");
        await Expect(map.Locator(".kam-org-card")).ToHaveCountAsync(2);

        // One root: the general manager, supportive; under him, and only there, the purchasing manager, opposed.
        var root = map.Locator(":scope > ul > li");
        await Expect(root).ToHaveCountAsync(1);
        var boss = root.Locator(":scope > .kam-org-card");
        await Expect(boss).ToContainTextAsync("王建国");
        await Expect(boss).ToContainTextAsync("总经理");
        await Expect(boss).ToHaveClassAsync(new Regex(@"\bsupportive\b"));
        var buyer = root.Locator(":scope > ul > li > .kam-org-card");
        await Expect(buyer).ToHaveCountAsync(1);
        await Expect(buyer).ToContainTextAsync("钱多多");
        await Expect(buyer).ToContainTextAsync("采购经理");
        await Expect(buyer).ToHaveClassAsync(new Regex(@"\bopposed\b"));

        // The contact list below the map says the same.
        var buyerRow = page.Locator(".ant-table-row", new() { HasText = "钱多多" });
        await Expect(buyerRow).ToContainTextAsync("反对");
        await Expect(buyerRow).ToContainTextAsync("王建国");
    });

    [Fact]
    public Task Another_account_manager_cannot_find_or_open_it() => Run(async () =>
    {
        var am1 = await NewPageAsync();
        await LoginAsync(am1, "am1");
        var name = UniqueAccountName();
        var id = await CreateAccountAsync(am1, name);

        // The owner finds it by name: the search itself works...
        await GotoInteractiveAsync(am1, "/accounts");
        await SearchAsync(am1, name);
        await Expect(AccountLinks(am1)).ToHaveTextAsync([name]);

        // ...and the same search in am2's browser finds nothing.
        var am2 = await NewPageAsync();
        await LoginAsync(am2, "am2");
        await GotoInteractiveAsync(am2, "/accounts");
        await Expect(AccountLinks(am2).First).ToBeVisibleAsync();
        await SearchAsync(am2, name);
        await Expect(am2.Locator(".ant-table .ant-empty")).ToContainTextAsync("暂无客户");
        await Expect(AccountLinks(am2)).ToHaveCountAsync(0);

        // Typing the address does not help either.
        await GotoInteractiveAsync(am2, $"/accounts/{id}");
        await Expect(am2.GetByText("客户不存在")).ToBeVisibleAsync();
        await Expect(am2.Locator("[data-testid=account-title]")).ToHaveCountAsync(0);
        await Expect(am2.GetByText(name)).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Head_hands_am1s_accounts_to_am2_who_then_sees_them() => Run(async () =>
    {
        // Two fresh account managers, so the demo book stays as it is for the other tests.
        var leaver = UniqueName("am");
        var heir = UniqueName("am");
        var leaverName = "周离" + leaver[^4..];
        var heirName = "吴接" + heir[^4..];
        using (var admin = await KamApi.LoginAsync(App, "admin"))
        {
            await admin.CreateAccountManagerAsync(leaver, leaverName, StartPassword);
            await admin.CreateAccountManagerAsync(heir, heirName, StartPassword);
        }

        var leaverPage = await NewPageAsync();
        await LoginAsync(leaverPage, leaver, StartPassword);
        var account = UniqueAccountName();
        await CreateAccountAsync(leaverPage, account);

        var head = await NewPageAsync();
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, "/accounts/handover");
        await head.Locator("select[data-testid=handover-from]").SelectOptionAsync(new SelectOptionValue { Label = $"{leaverName}（{leaver}）" });
        await head.Locator("select[data-testid=handover-to]").SelectOptionAsync(new SelectOptionValue { Label = $"{heirName}（{heir}）" });

        var accountsLine = head.Locator("[data-testid='handover-line-handover.accounts']");
        await Expect(accountsLine).ToContainTextAsync("名下客户：1");
        await Expect(accountsLine).ToContainTextAsync(account);

        await head.GetByRole(AriaRole.Button, new() { Name = "确认移交" }).ClickAsync();
        await Expect(head.Locator(".ant-popover:visible")).ToContainTextAsync($"确定将 {leaverName} 名下的全部内容移交给 {heirName}？");
        await head.Locator(".ant-popover:visible .ant-btn-primary").ClickAsync();

        await head.WaitForURLAsync(HandoverRecordUrl());
        await Expect(head.Locator("h1")).ToHaveTextAsync("移交记录");
        var sheet = head.Locator(".kam-print-sheet");
        await Expect(sheet).ToContainTextAsync("大客户部客户移交单");
        await Expect(sheet).ToContainTextAsync(leaverName);
        await Expect(sheet).ToContainTextAsync(heirName);
        await Expect(sheet).ToContainTextAsync("名下客户（1）");
        await Expect(sheet.Locator(".kam-print-list li", new() { HasText = account })).ToHaveCountAsync(1);

        // The heir now has the account, as its owner...
        var heirPage = await NewPageAsync();
        await LoginAsync(heirPage, heir, StartPassword);
        await GotoInteractiveAsync(heirPage, "/accounts");
        await Expect(AccountLinks(heirPage)).ToHaveTextAsync([account]);
        await AccountLinks(heirPage).ClickAsync();
        await Expect(heirPage.Locator("[data-testid=account-title]")).ToHaveTextAsync(account);
        await Expect(heirPage.Locator("[data-testid=account-owner]")).ToHaveTextAsync(heirName);

        // ...and the leaver no longer does.
        await GotoInteractiveAsync(leaverPage, "/accounts");
        await Expect(leaverPage.Locator(".ant-table .ant-empty")).ToContainTextAsync("暂无客户");
    });

    [Fact]
    public Task Assistant_imports_a_spreadsheet_with_one_bad_row_and_reads_the_error_report() => Run(async () =>
    {
        var batch = UniqueAccountName();
        var good1 = batch + "甲";
        var bad = batch + "乙";
        var good2 = batch + "丙";
        var sheet = Spreadsheets.Write(
        [
            ImportRow(good1, CreditCodes.NewValid()),
            ImportRow(bad, "91350200M000000510"), // wrong check character
            ImportRow(good2, null),
        ]);

        var page = await NewPageAsync();
        await LoginAsync(page, "assistant");
        await GotoInteractiveAsync(page, "/accounts");
        await page.Locator("a[data-testid=account-import]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("导入客户档案");

        await page.Locator("input[data-testid=import-file]").SetInputFilesAsync(new FilePayload
        {
            Name = "老客户档案.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = sheet,
        });
        await page.Locator("input[data-testid=mode-good]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "开始导入" }).ClickAsync();

        var result = page.Locator("[data-testid=import-result]");
        await Expect(result).ToContainTextAsync("共 3 行，已导入 2 行，1 行有错误");
        await Expect(result.Locator("thead")).ToContainTextAsync("行号");
        await Expect(result.Locator("thead")).ToContainTextAsync("列");
        await Expect(result.Locator("thead")).ToContainTextAsync("原因");
        var errors = result.Locator("tbody tr.ant-table-row");
        await Expect(errors).ToHaveCountAsync(1);
        var cells = errors.Locator("td");
        await Expect(cells.Nth(0)).ToHaveTextAsync("3");
        await Expect(cells.Nth(1)).ToHaveTextAsync("统一社会信用代码");
        await Expect(cells.Nth(2)).ToContainTextAsync("校验位不正确");
        await Expect(cells.Nth(2)).ToContainTextAsync("应为 " + CreditCodes.Check("91350200M00000051"));

        // The two good rows are in the archive, the bad one is not.
        await GotoInteractiveAsync(page, "/accounts");
        await SearchAsync(page, batch);
        await Expect(AccountLinks(page)).ToHaveCountAsync(2);
        await Expect(page.Locator("a.kam-account-link", new() { HasText = good1 })).ToBeVisibleAsync();
        await Expect(page.Locator("a.kam-account-link", new() { HasText = good2 })).ToBeVisibleAsync();
        await Expect(page.Locator("a.kam-account-link", new() { HasText = bad })).ToHaveCountAsync(0);
    });

    [Fact]
    public Task Export_as_am1_contains_only_am1s_accounts() => Run(async () =>
    {
        var page = await NewPageAsync();
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, "/accounts");
        await Expect(AccountLinks(page).First).ToBeVisibleAsync();

        var rows = Spreadsheets.Read(await DownloadExportAsync(page));

        using var am1 = await KamApi.LoginAsync(App, "am1");
        using var head = await KamApi.LoginAsync(App, "head");
        var mine = await am1.AllAccountsAsync();
        var headCount = await head.CountAccountsAsync();

        Assert.Equal(await am1.CountAccountsAsync(), rows.Count);
        Assert.True(rows.Count < headCount, $"am1's export has {rows.Count} rows, head sees {headCount} accounts");
        Assert.Equal(
            mine.Select(a => a.GetProperty("name").GetString()).Order(StringComparer.Ordinal),
            rows.Select(r => r["客户名称"] as string).Order(StringComparer.Ordinal));

        // Every row is am1's own account, or one where am1 is on another manager's team.
        var ids = mine.ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("id").GetString()!);
        foreach (var row in rows.Where(r => r["负责人"] as string != "张伟"))
        {
            var detail = await am1.GetAsync($"/api/accounts/{ids[(string)row["客户名称"]!]}");
            Assert.Equal(detail.GetProperty("owner").GetProperty("displayName").GetString(), row["负责人"] as string);
            Assert.Contains("张伟", detail.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("displayName").GetString()));
        }
    });

    [Fact]
    public Task Account_page_is_usable_at_phone_size() => Run(async () =>
    {
        // The newest account of am1 comes first in the list: make it one with a contact, so the relationship map shows
        // (other tests create accounts for am1 without contacts).
        using var am1 = await KamApi.LoginAsync(App, "am1");
        var account = await am1.PostAsync("/api/accounts", new { name = UniqueAccountName() + "有限公司", category = "Dealer", status = "Active" });
        await am1.PostAsync($"/api/accounts/{account.GetProperty("id").GetString()}/contacts", new { name = "王总", title = "总经理", mobile = "13800138000" });

        var page = await NewPageAsync(width: 390, height: 844);
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, "/accounts");

        var first = AccountLinks(page).First;
        var name = await first.InnerTextAsync();
        await first.ClickAsync();
        await page.WaitForURLAsync(AccountUrl());

        var title = page.Locator("[data-testid=account-title]");
        await Expect(title).ToHaveTextAsync(name);
        await Expect(title).ToBeInViewportAsync();
        await Expect(ContactsTab(page)).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);

        await ContactsTab(page).ClickAsync();
        await Expect(page.Locator("[data-testid=relationship-map]")).ToBeVisibleAsync();
        await AssertNoSidewaysScrollAsync(page);
    });

    private static string UniqueAccountName() => UniqueName("测试客户");

    private static IReadOnlyDictionary<string, object?> ImportRow(string name, string? creditCode) => new Dictionary<string, object?>
    {
        ["客户名称"] = name,
        ["统一社会信用代码"] = creditCode,
        ["客户类别"] = "经销商",
        ["省份"] = "广东省",
        ["城市"] = "广州市",
        ["客户状态"] = "合作中",
        ["负责人"] = "am1",
    };

    /// <summary>Fills the new-account form in 广东省/广州市 as the signed-in user; returns the new account's id.</summary>
    private static async Task<Guid> CreateAccountAsync(IPage page, string name)
    {
        await GotoInteractiveAsync(page, "/accounts");
        await page.Locator("a[data-testid=account-new]").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("新建客户");

        await page.Locator("input[data-testid=account-name]").FillAsync(name);
        await page.Locator("input[data-testid=account-credit-code]").FillAsync(CreditCodes.NewValid());
        await page.Locator("select[data-testid=account-category]").SelectOptionAsync("Dealer");
        await page.Locator("select[data-testid=account-province]").SelectOptionAsync("44");
        await page.Locator("select[data-testid=account-city]").SelectOptionAsync("4401");
        await page.Locator("form button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(AccountUrl());
        await Expect(page.Locator("[data-testid=account-title]")).ToHaveTextAsync(name);
        return Guid.Parse(new Uri(page.Url).Segments[^1]);
    }

    private static async Task AddContactAsync(IPage page, string name, string title, string role, string attitude, string? reportsTo = null)
    {
        var modal = page.Locator(".ant-modal", new() { Has = page.Locator("input[data-testid=contact-name]") });
        // A click that lands while the panel re-renders after the previous save can be dropped by Blazor: click again.
        for (var attempt = 0; attempt < 3 && !await modal.IsVisibleAsync(); attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "新增联系人" }).ClickAsync();
            try
            {
                await modal.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 3000 });
            }
            catch (TimeoutException)
            {
            }
        }
        await Expect(modal).ToBeVisibleAsync();
        // The form can be re-rendered empty by the previous save's refresh landing after the modal opened (seen under a
        // loaded CI machine): fill it again and submit again when the name is not there any more.
        for (var attempt = 0; attempt < 3 && await modal.IsVisibleAsync(); attempt++)
        {
            await modal.Locator("input[data-testid=contact-name]").FillAsync(name);
            await modal.Locator("input[data-testid=contact-title]").FillAsync(title);
            await modal.Locator("input[data-testid=contact-mobile]").FillAsync("139" + Random.Shared.Next(10_000_000, 99_999_999));
            await modal.Locator("select[data-testid=contact-role]").SelectOptionAsync(role);
            await modal.Locator("select[data-testid=contact-attitude]").SelectOptionAsync(attitude);
            if (reportsTo is not null)
                await modal.Locator("select[data-testid=contact-reports-to]").SelectOptionAsync(new SelectOptionValue { Label = reportsTo });
            if (await modal.Locator("input[data-testid=contact-name]").InputValueAsync() != name)
                continue;
            await modal.Locator("button[type=submit]").ClickAsync();
            try
            {
                await modal.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = 8000 });
                break;
            }
            catch (TimeoutException)
            {
            }
            // Emptied before the save was taken: fill and submit again; still saving (a slow machine): wait below rather
            // than submit twice.
            if (await modal.Locator("input[data-testid=contact-name]").InputValueAsync() != "")
                break;
        }
        await Expect(modal).ToBeHiddenAsync();
        await Expect(page.Locator(".ant-table-row", new() { HasText = name })).ToBeVisibleAsync();
    }

    /// <summary>Clicks the export link and returns the .xlsx the browser downloads.</summary>
    private static async Task<byte[]> DownloadExportAsync(IPage page)
    {
        var link = page.Locator("a[data-testid=account-export]");
        await Expect(link).ToHaveAttributeAsync("href", new Regex("^/accounts/export"));
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        return await File.ReadAllBytesAsync(path);
    }

    private static async Task SearchAsync(IPage page, string text)
    {
        var search = page.Locator("input[data-testid=account-search]");
        await search.FillAsync(text);
        await search.PressAsync("Enter");
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 394, $"The page scrolls sideways: scrollWidth {scrollWidth} > 390");
    }

    private static ILocator AccountLinks(IPage page) => page.Locator("a.kam-account-link");

    private static ILocator ContactsTab(IPage page) => page.Locator(".ant-tabs-tab", new() { HasText = "联系人与关系图" });

    [GeneratedRegex(@"/accounts/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex AccountUrl();

    [GeneratedRegex(@"/accounts/handover/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex HandoverRecordUrl();
}
