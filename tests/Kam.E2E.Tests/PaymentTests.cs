using Kam.Core.Common;
using Kam.Core.Payments;
using Kam.E2E.Tests.Infrastructure;
using Kam.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Recording a payment in the browser: too much is refused beside the amount; the exact amount settles the receivable.</summary>
public sealed class PaymentTests(KamApp app) : BrowserTest(app)
{
    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public Task Account_manager_records_a_payment_and_the_receivable_drops(int width, int height) => Run(async () =>
    {
        using var api = await KamApi.LoginAsync(App, "am1");
        var account = await api.PostAsync("/api/accounts", new { name = $"回款{Digits(8)}家居有限公司", category = "Enterprise" });
        var accountId = account.GetProperty("id").GetGuid();
        var instalment = new Instalment
        {
            AccountId = accountId,
            No = 1,
            DueOn = BusinessClock.Today(TimeProvider.System).AddDays(-40),
            Amount = 1000m,
        };
        using (var scope = App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
            db.GeneratingData = true;
            db.Unscoped<Instalment>().Add(instalment);
            await db.SaveChangesAsync();
        }

        var page = await NewPageAsync(width, height);
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, $"/accounts/{accountId}?tab=payments");
        await Expect(page.Locator("[data-testid=account-overdue]")).ToHaveTextAsync("¥1,000.00");

        await GotoInteractiveAsync(page, $"/payments/new?instalment={instalment.Id}");
        await Expect(page.Locator("[data-testid=payment-due]")).ToContainTextAsync("1,000.00");
        var amount = page.Locator("[data-testid=payment-amount] input");
        await amount.FillAsync("1000.01");
        await amount.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Expect(page.GetByText("回款金额超过未回款金额")).ToBeVisibleAsync();

        await amount.FillAsync("1000");
        await amount.PressAsync("Tab");
        await page.Locator("[data-testid=payment-reference]").FillAsync("BR-E2E");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/accounts/{accountId}");
        await Expect(page.Locator("[data-testid=account-overdue]")).ToHaveTextAsync("¥0.00");
        await Expect(page.GetByText("BR-E2E")).ToBeVisibleAsync();

        await GotoInteractiveAsync(page, "/receivables");
        await Expect(page.Locator("h1")).ToHaveTextAsync("应收账款");
        await Expect(page.Locator("[data-testid=receivable-aging]")).ToBeVisibleAsync();
    });
}
