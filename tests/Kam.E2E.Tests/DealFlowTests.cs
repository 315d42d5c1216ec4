using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>
/// The deal chain (issue 5) as the people who do it: a signed contract (arranged through the API), an order under it
/// entered, confirmed and partly shipped by the account manager, a make-up shipment approved by the head and shipped,
/// and a payment that lowers the order's receivable.
/// </summary>
public sealed partial class DealFlowTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Account_manager_orders_under_a_signed_contract_ships_part_the_head_approves_a_make_up_and_a_payment_lowers_the_receivable() => Run(async () =>
    {
        // Arrange: am1's account, a contract the assistant drafts and signs after the head and the executive approved it, a product.
        using var am1Api = await KamApi.LoginAsync(App, "am1");
        using var assistantApi = await KamApi.LoginAsync(App, "assistant");
        using var headApi = await KamApi.LoginAsync(App, "head");
        using var execApi = await KamApi.LoginAsync(App, "exec");
        var accountName = UniqueName("成交客户") + "家居有限公司";
        var account = await am1Api.PostAsync("/api/accounts", new { name = accountName, category = "Dealer", status = "Active" });
        var accountId = account.GetProperty("id").GetGuid();

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var contract = await assistantApi.PostAsync("/api/contracts", new
        {
            kind = "Purchase",
            accountId,
            title = UniqueName("年度采购合同"),
            amount = 1_200_000m,
            startOn = today.AddDays(-30).ToString("yyyy-MM-dd"),
            endOn = today.AddDays(365).ToString("yyyy-MM-dd"),
            paymentTerms = "月结30天",
            ourSignatory = "王部长",
            customerSignatory = "李总",
        });
        var contractId = contract.GetProperty("id").GetGuid();
        await assistantApi.PostAsync($"/api/contracts/{contractId}/submit", new { });
        var approvals = await headApi.GetAsync($"/api/approvals?documentType=contract&documentId={contractId}");
        var approvalId = approvals.GetProperty("items")[0].GetProperty("id").GetString();
        await headApi.PostAsync($"/api/approvals/{approvalId}/approve", new { comment = "同意" });
        await execApi.PostAsync($"/api/approvals/{approvalId}/approve", new { comment = "同意" });
        using (var form = new MultipartFormDataContent())
        {
            var scan = new ByteArrayContent("%PDF-1.4 scan"u8.ToArray());
            scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(scan, "file", "签字盖章扫描件.pdf");
            form.Add(new StringContent(today.ToString("yyyy-MM-dd")), "signedOn");
            var signed = await assistantApi.PostFormAsync($"/api/contracts/{contractId}/sign", form);
            Assert.Equal("InForce", signed.GetProperty("status").GetString());
        }
        var productCode = UniqueName("DESK-");
        var product = await assistantApi.PostAsync("/api/products", new { code = productCode, name = "实木办公桌", unit = "张", listPrice = 1000m });
        var productId = product.GetProperty("id").GetString()!;

        // am1 at the desk: a new order from the account's 订单 tab, under the contract, one line of 10.
        var am1 = await NewPageAsync(1280, 800);
        await LoginAsync(am1, "am1");
        await GotoInteractiveAsync(am1, $"/accounts/{accountId}?tab=orders");
        await am1.Locator("[data-testid=account-order-new]").ClickAsync();
        await am1.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/orders/new");
        await Expect(am1.Locator("h1")).ToHaveTextAsync("新建订单");
        await WaitInteractiveAsync(am1);
        await am1.Locator("[data-testid=order-contract]").SelectOptionAsync(contractId.ToString());
        // Typing the product's code and leaving the box takes the one match.
        await am1.Locator("[data-testid=line-product] input").FillAsync(productCode);
        await am1.Locator("[data-testid=line-product] input").PressAsync("Tab");
        await Expect(am1.Locator("[data-testid=line-product] input")).ToHaveValueAsync(new Regex("^" + Regex.Escape(productCode) + " "));
        await am1.Locator("[data-testid=line-quantity]").FillAsync("10");
        await am1.Locator("[data-testid=line-quantity]").PressAsync("Tab");
        await Expect(am1.Locator("[data-testid=order-total]")).ToHaveTextAsync("¥10,000.00");
        await Button(am1.Locator(".kam-form-actions"), "保存").ClickAsync();
        await am1.WaitForURLAsync(OrderUrl());
        await WaitInteractiveAsync(am1);
        var orderUrl = new Uri(am1.Url).AbsolutePath;
        await Expect(am1.Locator("[data-testid=order-status]")).ToContainTextAsync("已接收");

        // Confirming creates the order's receivable.
        await am1.GetByRole(AriaRole.Button, new() { Name = "确认订单" }).ClickAsync();
        await Button(am1.Locator(".ant-popover"), "确定").ClickAsync();
        await Expect(am1.Locator("[data-testid=order-status]")).ToContainTextAsync("已确认");
        await Expect(am1.Locator("[data-testid=order-receivable]")).ToContainTextAsync("¥10,000.00");

        // Ship 4 of the 10.
        await Button(am1, "发货").ClickAsync();
        var ship = am1.Locator(".ant-modal", new() { Has = am1.Locator("[data-testid=ship-carrier]") });
        await Expect(ship).ToBeVisibleAsync();
        await ship.Locator("[data-testid=ship-carrier]").FillAsync("顺丰速运");
        await ship.Locator("[data-testid=ship-quantity]").FillAsync("4");
        await ship.Locator("[data-testid=ship-quantity]").PressAsync("Tab");
        await Button(ship, "保存").ClickAsync();
        await Expect(am1.Locator("[data-testid=order-status]")).ToContainTextAsync("部分发货");
        await Expect(am1.Locator("[data-testid=line-shipped]")).ToHaveTextAsync("4");

        // One desk arrived missing: a make-up of 1 against that shipment, with the reason.
        await am1.GetByRole(AriaRole.Button, new() { Name = "申请补发货" }).ClickAsync();
        var makeUp = am1.Locator(".ant-modal", new() { Has = am1.Locator("[data-testid=makeup-original]") });
        await Expect(makeUp).ToBeVisibleAsync();
        await makeUp.Locator("[data-testid=makeup-original]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(makeUp.Locator("[data-testid=ship-quantity]")).ToBeVisibleAsync();
        await makeUp.Locator("[data-testid=makeup-reason]").SelectOptionAsync("Missing");
        await makeUp.Locator("[data-testid=makeup-reason-text]").FillAsync("客户签收时少一张桌子");
        await makeUp.Locator("[data-testid=ship-quantity]").FillAsync("1");
        await makeUp.Locator("[data-testid=ship-quantity]").PressAsync("Tab");
        await Button(makeUp, "保存").ClickAsync();
        var makeUpRow = am1.Locator("[data-testid=order-shipments] tr.ant-table-row", new() { HasText = "补发货" });
        await Expect(makeUpRow).ToContainTextAsync("待审批");
        await Expect(makeUpRow).ToContainTextAsync("缺货漏发");
        await Expect(am1.Locator("[data-testid=line-make-up]")).ToHaveTextAsync("0 / 0");

        // The head approves it on the order page.
        var head = await NewPageAsync(1280, 800);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, orderUrl);
        await head.Locator("[data-testid=approval-comment]").FillAsync("同意补发");
        await Button(head.Locator("[data-testid=approval-trail]"), "同意").ClickAsync();
        await Expect(head.Locator("[data-testid=approval-step]").First).ToContainTextAsync("同意补发");
        await Expect(head.Locator("[data-testid=order-shipments] tr.ant-table-row", new() { HasText = "补发货" })).ToContainTextAsync("已批准待发");

        // am1 ships the approved make-up.
        await GotoInteractiveAsync(am1, orderUrl);
        await Expect(am1.Locator("[data-testid=line-make-up]")).ToHaveTextAsync("0 / 1");
        await makeUpRow.GetByText("补发发出").ClickAsync();
        var shipMakeUp = am1.Locator(".ant-modal", new() { HasText = "补发发出" });
        await Expect(shipMakeUp).ToBeVisibleAsync();
        await Button(shipMakeUp, "保存").ClickAsync();
        await Expect(shipMakeUp).ToBeHiddenAsync();
        await Expect(makeUpRow).ToContainTextAsync("已发出");
        await Expect(am1.Locator("[data-testid=line-make-up]")).ToHaveTextAsync("1 / 1");
        await Expect(am1.Locator("[data-testid=line-shipped]")).ToHaveTextAsync("4");
        await Expect(am1.Locator("[data-testid=order-status]")).ToContainTextAsync("部分发货");

        // A payment of 3,000 against the order's receivable: the account's open amount drops from 10,000 to 7,000.
        await GotoInteractiveAsync(am1, $"/accounts/{accountId}?tab=payments");
        await Expect(am1.Locator("[data-testid=account-due]")).ToHaveTextAsync("¥10,000.00");
        await am1.Locator("[data-testid=account-payment-new]").ClickAsync();
        await am1.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/payments/new");
        await WaitInteractiveAsync(am1);
        await am1.Locator("[data-testid=payment-instalment]").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(am1.Locator("[data-testid=payment-due]")).ToContainTextAsync("10,000.00");
        var amount = am1.Locator("[data-testid=payment-amount] input");
        await amount.FillAsync("3000");
        await amount.PressAsync("Tab");
        await am1.Locator("[data-testid=payment-reference]").FillAsync("BR-DEAL");
        await Button(am1, "保存").ClickAsync();
        await am1.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/accounts/{accountId}");
        await Expect(am1.Locator("[data-testid=account-due]")).ToHaveTextAsync("¥7,000.00");
        await Expect(am1.GetByText("BR-DEAL")).ToBeVisibleAsync();

        await GotoInteractiveAsync(am1, orderUrl);
        await Expect(am1.Locator("[data-testid=order-receivable]")).ToContainTextAsync("¥7,000.00");
    });

    /// <summary>A button by its label; AntDesign puts a space between two Chinese characters ("保 存").</summary>
    private static ILocator Button(IPage page, string label) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = Label(label) });

    private static ILocator Button(ILocator scope, string label) =>
        scope.GetByRole(AriaRole.Button, new() { NameRegex = Label(label) });

    private static Regex Label(string label) => new($"^\\s*{string.Join("\\s*", label.Select(c => Regex.Escape(c.ToString())))}\\s*$");

    [GeneratedRegex(@"/orders/[0-9a-f-]{36}$")]
    private static partial Regex OrderUrl();
}
