using System.Text.RegularExpressions;
using Kam.E2E.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>Cooperation projects (商机): an account manager opens one from the account page and moves it on the pipeline board.</summary>
public sealed class OpportunityTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Account_manager_creates_a_project_on_the_account_page_and_moves_it_on_the_board() => Run(async () =>
    {
        using var api = await KamApi.LoginAsync(App, "am1");
        var accountName = $"商机测试{Digits(6)}有限公司";
        var account = await api.PostAsync("/api/accounts", new { name = accountName, category = "Enterprise" });
        var accountId = account.GetProperty("id").GetGuid();
        var projectName = $"总部办公家具{Digits(4)}";

        // At the desk: the 商机 tab of the account, then the form with the account already chosen.
        var page = await NewPageAsync();
        await LoginAsync(page, "am1");
        await GotoInteractiveAsync(page, $"/accounts/{accountId}?tab=opportunities");
        await page.Locator("[data-testid=account-opportunity-new]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/opportunities/new");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator(".kam-visit-account")).ToContainTextAsync(accountName);
        await page.Locator("[data-testid=opportunity-name]").FillAsync(projectName);
        await page.Locator("[data-testid=opportunity-amount]").FillAsync("380000");
        await page.Locator("[data-testid=opportunity-products]").FillAsync("办公桌椅");
        await page.Locator("form button[type=submit]").ClickAsync();

        // Back on the account's tab, the project is listed in its first stage (a busy machine may take its time).
        await Expect(page.Locator("[data-testid=account-opportunity]")).ToHaveTextAsync(projectName, new() { Timeout = 60_000 });
        Assert.Equal($"/accounts/{accountId}", new Uri(page.Url).AbsolutePath);

        // On a phone, the board offers a stage select on each card: move it to the next stage.
        var phone = await NewPageAsync(390, 844);
        await LoginAsync(phone, "am1");
        await GotoInteractiveAsync(phone, "/opportunities/pipeline");
        var card = phone.Locator("[data-testid=pipeline-column-contact] [data-testid=pipeline-card]").Filter(new() { HasText = projectName });
        await Expect(card).ToContainTextAsync("380,000.00");
        await Expect(card).ToContainTextAsync(accountName);
        await card.Locator("[data-testid=card-stage]").SelectOptionAsync("needs");
        var moved = phone.Locator("[data-testid=pipeline-column-needs] [data-testid=pipeline-card]").Filter(new() { HasText = projectName });
        await Expect(moved).ToBeVisibleAsync();
        await Expect(phone.Locator("[data-testid=pipeline-column-contact]")).Not.ToContainTextAsync(projectName);

        var stored = await api.GetAsync($"/api/accounts/{accountId}/opportunities");
        var item = stored.GetProperty("items")[0];
        Assert.Equal("needs", item.GetProperty("stage").GetString());
        Assert.Equal(30, item.GetProperty("probability").GetInt32());
        Assert.Matches(new Regex("^需求确认$"), item.GetProperty("stageName").GetString()!);
    });
}
