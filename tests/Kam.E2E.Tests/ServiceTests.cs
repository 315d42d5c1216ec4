using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>
/// Service in the browser (客户投诉处理): an account manager turns a visit's customer request into a complaint from a
/// phone, answers it, asks for a make-up shipment of the damaged goods and resolves it; the assistant records the
/// customer's satisfaction and closes it; a follow-up's link is answered by the contact on a phone; the head reads the
/// complaint figures and the satisfaction index.
/// </summary>
public sealed class ServiceTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task A_visits_complaint_is_opened_on_a_phone_handled_with_a_make_up_shipment_and_closed_by_the_assistant() => Run(async () =>
    {
        using var assistantApi = await KamApi.LoginAsync(App, "assistant");
        var product = await assistantApi.PostAsync("/api/products", new { code = UniqueName("PANEL-"), name = "实木护墙板", unit = "件", listPrice = 500m });
        using var api = await KamApi.LoginAsync(App, "am1");
        var name = $"售后{Digits(8)}家居有限公司";
        var accountId = (await api.PostAsync("/api/accounts", new { name, category = "Enterprise" })).GetProperty("id").GetGuid();
        var order = await api.PostAsync("/api/orders", new { accountId, lines = new[] { new { productId = product.GetProperty("id").GetString(), quantity = 10 } } });
        var orderId = order.GetProperty("id").GetString();
        var confirmed = await api.PostAsync($"/api/orders/{orderId}/confirm", new { version = order.GetProperty("version").GetString() });
        var lineId = confirmed.GetProperty("lines")[0].GetProperty("id").GetString();
        await api.PostAsync($"/api/orders/{orderId}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 10 } } });
        var visit = await api.PostAsync("/api/visits", new
        {
            accountId,
            at = DateTimeOffset.UtcNow.AddHours(-1).ToString("O"),
            summary = "回访新到货的使用情况",
            customerRequests = "到货的护墙板有 2 件破损，要求尽快补发",
        });
        var number = order.GetProperty("number").GetString()!;

        // On the phone: the visit's request becomes a complaint in one step, its text carried over.
        var phone = await NewPageAsync(390, 844);
        await LoginAsync(phone, "am1");
        await GotoInteractiveAsync(phone, $"/visits/{visit.GetProperty("id").GetString()}");
        await phone.Locator("[data-testid=visit-to-case]").ClickAsync();
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/cases/new");
        await WaitInteractiveAsync(phone);
        await Expect(phone.Locator("[data-testid=case-description]")).ToHaveValueAsync("到货的护墙板有 2 件破损，要求尽快补发");
        await Expect(phone.Locator("[data-testid=case-channel]")).ToHaveValueAsync("Visit");
        await phone.Locator("[data-testid=case-category]").SelectOptionAsync("delivery");
        await phone.Locator("[data-testid=case-severity]").SelectOptionAsync("Serious");
        await Expect(phone.Locator("[data-testid=case-order]")).ToContainTextAsync(number);
        await phone.Locator("[data-testid=case-order]").SelectOptionAsync(orderId!);
        await ShotAsync(phone, "case-new-phone");
        await phone.Locator("[data-testid=case-save]").ClickAsync();
        await phone.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, "^/cases/[0-9a-f-]{36}$"));
        await WaitInteractiveAsync(phone);
        var caseUrl = new Uri(phone.Url).AbsolutePath;
        await Expect(phone.Locator("[data-testid=case-status]")).ToContainTextAsync("待受理");
        Assert.Equal(await phone.EvaluateAsync<int>("document.documentElement.clientWidth"), await phone.EvaluateAsync<int>("document.documentElement.scrollWidth"));

        // The handler answers, asks for the make-up of the 2 broken pieces, and resolves the complaint.
        await phone.Locator("[data-testid=case-note]").FillAsync("已致电客户致歉，确认破损 2 件，今天安排补发");
        await phone.Locator("[data-testid=case-acknowledge]").ClickAsync();
        await Expect(phone.Locator("[data-testid=case-status]")).ToContainTextAsync("已受理");
        await phone.Locator("[data-testid=case-makeup] summary").ClickAsync();
        await phone.Locator("[data-testid=case-makeup-open]").ClickAsync();
        await phone.Locator("[data-testid=case-makeup-qty]").First.FillAsync("2");
        await phone.Locator("[data-testid=case-makeup-qty]").First.PressAsync("Tab");
        await phone.Locator("[data-testid=case-makeup-submit]").ClickAsync();
        await Expect(phone.Locator("[data-testid=case-makeup-link]")).ToContainTextAsync("BF-");
        await phone.Locator("[data-testid=case-resolution-input]").FillAsync("补发 2 件护墙板，客户已签收");
        await phone.Locator("[data-testid=case-root-cause]").FillAsync("运输途中挤压");
        await phone.Locator("[data-testid=case-corrective-action]").FillAsync("改用加厚包装并加护角");
        await phone.Locator("[data-testid=case-resolve]").ClickAsync();
        await Expect(phone.Locator("[data-testid=case-status]")).ToContainTextAsync("已解决");
        await ShotAsync(phone, "case-resolved-phone");

        // The assistant calls the customer back, records the satisfaction and closes the case.
        var assistant = await NewPageAsync(1440, 900);
        await LoginAsync(assistant, "assistant");
        await GotoInteractiveAsync(assistant, caseUrl);
        await assistant.Locator("[data-testid=case-note]").FillAsync("客户对补发速度满意");
        await assistant.Locator("[data-testid=case-satisfied]").ClickAsync();
        await Expect(assistant.Locator("[data-testid=case-confirmation]")).ToContainTextAsync("满意");
        await assistant.Locator("[data-testid=case-close]").ClickAsync();
        await assistant.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "关闭" }).Or(assistant.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "关 闭" })).First.ClickAsync();
        await Expect(assistant.Locator("[data-testid=case-status]")).ToContainTextAsync("已关闭");
        await Expect(assistant.Locator("[data-testid=case-history]")).ToContainTextAsync("申请补货");
        await ShotAsync(assistant, "case-closed");

        // The assistant makes a satisfaction follow-up from the account's 服务 tab and sends the contact a link.
        await GotoInteractiveAsync(assistant, $"/accounts/{accountId}?tab=service");
        await assistant.Locator("[data-testid=account-follow-up-new]").ClickAsync();
        await assistant.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/follow-ups/new");
        await WaitInteractiveAsync(assistant);
        await assistant.Locator("[data-testid=follow-up-create]").ClickAsync();
        await assistant.WaitForURLAsync(url => System.Text.RegularExpressions.Regex.IsMatch(new Uri(url).AbsolutePath, "^/follow-ups/[0-9a-f-]{36}$"));
        await WaitInteractiveAsync(assistant);
        var followUpUrl = new Uri(assistant.Url).AbsolutePath;
        await assistant.Locator("[data-testid=follow-up-link-make]").ClickAsync();
        var link = await assistant.Locator("[data-testid=follow-up-link-url]").InputValueAsync();
        Assert.Contains("/s/", link);

        // The contact answers on a phone, without signing in; the page shows the questions and nothing of the account.
        var contact = await NewPageAsync(390, 844);
        await contact.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(contact.Locator("h1")).ToHaveTextAsync("客户满意度调查");
        Assert.DoesNotContain(name, await contact.ContentAsync());
        var scales = contact.Locator(".scale");
        for (var i = 0; i < 3; i++)
            await scales.Nth(i).Locator("label", new() { HasText = "5" }).ClickAsync();
        await scales.Nth(3).Locator("label", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^9$") }).ClickAsync();
        await contact.Locator("textarea").FillAsync("补发很快，谢谢");
        await ShotAsync(contact, "survey-phone");
        Assert.Equal(await contact.EvaluateAsync<int>("document.documentElement.clientWidth"), await contact.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await contact.Locator("[data-testid=survey-submit]").ClickAsync();
        await Expect(contact.Locator("[data-testid=survey-message]")).ToContainTextAsync("感谢您的反馈");
        await GotoInteractiveAsync(assistant, followUpUrl);
        await Expect(assistant.Locator("[data-testid=follow-up-status]")).ToHaveTextAsync("已回访");
        await Expect(assistant.Locator("[data-testid=follow-up-score]")).ToContainTextAsync("5.0 / 5");

        // The head's figures count it: am1's row has a resolved case.
        var head = await NewPageAsync(1440, 900);
        await LoginAsync(head, "head");
        await GotoInteractiveAsync(head, "/service/stats");
        await Expect(head.Locator("[data-testid=case-stats]")).ToContainTextAsync("合计");
        await Expect(head.Locator("[data-testid=case-stats-chart]")).ToBeVisibleAsync();
        await ShotAsync(head, "case-stats");
        await GotoInteractiveAsync(head, "/service/satisfaction");
        await head.Locator("[data-testid=satisfaction-group]").SelectOptionAsync("account");
        await Expect(head.Locator("[data-testid=satisfaction-table] tr", new() { HasText = name })).ToContainTextAsync("5.00");
        await ShotAsync(head, "satisfaction");
    });
}
