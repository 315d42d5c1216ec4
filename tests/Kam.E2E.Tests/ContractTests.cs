using System.Text.RegularExpressions;
using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Contracts (合同): drafted and submitted by the assistant, approved by the head and the executive, signed with the scan.</summary>
public sealed partial class ContractTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task The_assistant_drafts_a_contract_for_am1s_account_the_head_and_executive_approve_and_it_is_signed_with_the_scan() => Run(async () =>
    {
        using var am1 = await KamApi.LoginAsync(App, "am1");
        var account = await am1.PostAsync("/api/accounts", new { name = UniqueName("合同客户") + "家居有限公司", category = "Dealer", status = "Active" });
        var accountId = account.GetProperty("id").GetString();
        var title = UniqueName("年度采购合同");

        var assistant = await NewPageAsync();
        await LoginAsync(assistant, "assistant");
        await GotoInteractiveAsync(assistant, $"/accounts/{accountId}?tab=contracts");
        await assistant.Locator("a[data-testid=account-contract-new]").ClickAsync();
        await Expect(assistant.Locator("h1")).ToHaveTextAsync("新建合同");
        await WaitInteractiveAsync(assistant);
        await assistant.Locator("input[data-testid=contract-title]").FillAsync(title);
        await assistant.Locator(".ant-input-number input").FillAsync("2000000");
        await TypeDateAsync(assistant.Locator("[data-testid=contract-start]"), "2026-01-01");
        // Ending before it starts: the server's error stands beside the field and nothing is created.
        await TypeDateAsync(assistant.Locator("[data-testid=contract-end]"), "2025-12-31");
        await assistant.Locator("form button[type=submit]").ClickAsync();
        await Expect(assistant.Locator(".ant-form-item-explain-error", new() { HasText = "结束日期不能早于开始日期" })).ToBeVisibleAsync();
        Assert.EndsWith("/contracts/new", new Uri(assistant.Url).AbsolutePath);

        await TypeDateAsync(assistant.Locator("[data-testid=contract-end]"), "2027-12-31");
        await assistant.Locator("form button[type=submit]").ClickAsync();
        await assistant.WaitForURLAsync(ContractUrl());
        await Expect(assistant.Locator("[data-testid=contract-title]")).ToContainTextAsync(title);
        await Expect(assistant.Locator("[data-testid=contract-title]")).ToContainTextAsync(new Regex(@"KA-\d{4}-\d{4}"));
        var contractUrl = new Uri(assistant.Url).AbsolutePath;

        await assistant.GetByRole(AriaRole.Button, new() { Name = "提交审批" }).ClickAsync();
        await assistant.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Expect(assistant.Locator("[data-testid=contract-status]")).ToContainTextAsync("审批中");

        var head = await NewPageAsync();
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, contractUrl);
        await head.Locator("[data-testid=approval-comment]").FillAsync("同意，报副总经理");
        await head.GetByRole(AriaRole.Button, new() { Name = "同 意" }).Or(head.GetByRole(AriaRole.Button, new() { Name = "同意" })).First.ClickAsync();
        await Expect(head.Locator("[data-testid=approval-step]").First).ToContainTextAsync("同意，报副总经理");
        await Expect(head.Locator("[data-testid=contract-status]")).ToContainTextAsync("审批中");

        using var exec = await KamApi.LoginAsync(App, "exec");
        var approvals = await exec.GetAsync($"/api/approvals?documentType=contract&documentId={Guid.Parse(contractUrl.Split('/')[^1])}");
        var approvalId = approvals.GetProperty("items")[0].GetProperty("id").GetString();
        await exec.PostAsync($"/api/approvals/{approvalId}/approve", new { comment = "同意" });

        await GotoInteractiveAsync(assistant, contractUrl);
        await Expect(assistant.Locator("[data-testid=contract-status]")).ToContainTextAsync("已批准");
        await assistant.GetByRole(AriaRole.Button, new() { Name = "登记签订" }).ClickAsync();
        var modal = assistant.Locator(".ant-modal", new() { Has = assistant.Locator("[data-testid=contract-signed-on]") });
        await Expect(modal).ToBeVisibleAsync();
        await modal.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "签字盖章扫描件.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 scan"u8.ToArray() });
        await modal.GetByRole(AriaRole.Button, new() { Name = "登记签订" }).ClickAsync();
        await Expect(assistant.Locator("[data-testid=contract-status]")).ToContainTextAsync("履行中");
        await Expect(assistant.GetByRole(AriaRole.Link, new() { Name = "签字盖章扫描件.pdf" })).ToBeVisibleAsync();
        await GotoInteractiveAsync(assistant, contractUrl);
        await Expect(assistant.GetByRole(AriaRole.Link, new() { Name = "签字盖章扫描件.pdf" })).ToBeVisibleAsync();

        var response = await assistant.GotoAsync(contractUrl + "/print");
        Assert.True(response?.Ok == true, $"{response?.Status} {assistant.Url} {await assistant.ContentAsync()}");
        await Expect(assistant.Locator("[data-testid=contract-sheet]")).ToContainTextAsync("贰佰万元整");
    });

    [GeneratedRegex(@"/contracts/[0-9a-f-]{36}$")]
    private static partial Regex ContractUrl();

    [Theory]
    [InlineData(1440, 900)]
    [InlineData(1366, 768)]
    public Task On_a_desk_the_contract_list_shows_its_last_column_and_keeps_numbers_amounts_and_dates_on_one_line(int width, int height) => Run(async () =>
    {
        var page = await NewPageAsync(width, height);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, "/contracts");
        await Expect(page.Locator(".ant-table-tbody .ant-table-row").First).ToBeVisibleAsync();

        // The last column's header lies inside the window, and the table has nothing hidden to its right.
        var last = await page.Locator(".ant-table-thead th").Last.BoundingBoxAsync();
        Assert.NotNull(last);
        Assert.True(last.X + last.Width <= width, $"the last column ends at {last.X + last.Width}px, beyond {width}px");
        var hidden = await page.Locator(".ant-table-content").EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
        Assert.True(hidden <= 0, $"the table scrolls sideways by {hidden}px");

        // No contract number, amount or date is broken over two lines (e.g. a date wrapping at its hyphen).
        var broken = await page.EvaluateAsync<string[]>(@"labels => [...document.querySelectorAll('.ant-table-tbody td')]
            .filter(td => labels.includes(td.dataset.label))
            .flatMap(td => { const w = document.createTreeWalker(td, NodeFilter.SHOW_TEXT); const out = []; while (w.nextNode()) out.push(w.currentNode); return out; })
            .filter(t => t.textContent.trim() && (() => { const r = document.createRange(); r.selectNodeContents(t); return r.getClientRects().length > 1; })())
            .map(t => t.textContent.trim())", new[] { "合同编号", "有效金额", "开始日期", "有效结束日期" });
        Assert.Empty(broken);
        var cells = await page.Locator(".ant-table-tbody td[data-label='有效结束日期']").CountAsync();
        Assert.True(cells > 0, "no contract rows to measure");
    });
}
