using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Cluster.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.Cluster.Tests;

/// <summary>The UI through the proxy: the Blazor circuit over its WebSocket, the sign-in cookie on either server, failover.</summary>
public sealed class ClusterBrowserTests(ClusterFixture cluster) : ClusterTest(cluster)
{
    private const float Timeout = 20_000;
    private IBrowserContext? _context;

    static ClusterBrowserTests() => SetDefaultExpectTimeout(Timeout);

    public override async Task DisposeAsync()
    {
        if (_context is not null)
            await _context.DisposeAsync();
    }

    [Fact]
    public async Task The_sign_in_cookie_issued_by_one_server_opens_the_workbench_on_the_other()
    {
        var page = await NewPageAsync(node: "1");
        await SignInAsync(page, "head");
        var auth = (await _context!.CookiesAsync()).Single(c => c.Name == "kam.auth");

        foreach (var server in Cluster.Servers)
        {
            using var anonymous = Cluster.Client(server.BaseUrl);
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/")).StatusCode); // to /login
            using var client = Cluster.Client(server.BaseUrl);
            client.DefaultRequestHeaders.Add("Cookie", $"kam.auth={auth.Value}");
            var workbench = await client.GetAsync("/");
            Assert.Equal(HttpStatusCode.OK, workbench.StatusCode);
        }
    }

    [Fact]
    public async Task A_user_whose_server_stops_carries_on_on_the_other_without_signing_in_again_and_loses_nothing()
    {
        // The head gives am1 a task; am1 marks it done in the browser, on whichever server the proxy chose.
        var title = "集群督办" + Guid.NewGuid().ToString("N")[..6];
        using var api = await Cluster.SignedInAsync(Cluster.Proxy.BaseUrl, "head");
        using var am1Api = await Cluster.SignedInAsync(Cluster.Proxy.BaseUrl, "am1");
        var am1Id = (string)JsonNode.Parse(await am1Api.GetStringAsync("/api/me"))!["id"]!;
        var created = await api.PostAsJsonAsync("/api/tasks", new { title, ownerId = am1Id, dueOn = DateTime.Today.AddDays(5).ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var taskId = (string)JsonNode.Parse(await created.Content.ReadAsStringAsync())!["item"]!["id"]!;

        var page = await NewPageAsync();
        var sockets = new List<string>();
        page.WebSocket += (_, ws) => sockets.Add(ws.Url);
        await SignInAsync(page, "am1");
        var node = await NodeAsync();
        await page.GotoAsync($"/tasks/{taskId}");
        await WaitInteractiveAsync(page);
        Assert.Contains(sockets, url => url.StartsWith($"ws://127.0.0.1:{Cluster.Proxy.Port}/_blazor", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "标记完成" }).ClickAsync();
        await page.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确 定" })
            .Or(page.Locator(".ant-popover").GetByRole(AriaRole.Button, new() { Name = "确定" })).ClickAsync();
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已完成");

        // The server holding the circuit goes away (as in a crash: no goodbye to the browser). Blazor tries to reconnect,
        // is turned away by the other server (it does not know the circuit) and reloads the page; a person who presses
        // F5 first gets the same. Either way: the same page, still signed in, from the other server.
        var reloaded = page.WaitForRequestAsync(r => r.IsNavigationRequest && r.Url.Contains(taskId, StringComparison.Ordinal), new() { Timeout = 40_000 });
        await Cluster.Server(node).StopAsync(kill: true);
        try
        {
            await reloaded;
        }
        catch (TimeoutException)
        {
            await page.ReloadAsync();
        }
        await WaitInteractiveAsync(page);
        Assert.EndsWith($"/tasks/{taskId}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=task-status]")).ToHaveTextAsync("已完成");
        Assert.NotEqual(node, await NodeAsync());

        // And the UI works there: another page, a search typed into the account list.
        await page.GotoAsync("/accounts");
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("table tbody tr, .kam-card").First).ToBeVisibleAsync();
    }

    private async Task<IPage> NewPageAsync(string? node = null)
    {
        _context = await Cluster.Browser.NewContextAsync(new()
        {
            BaseURL = Cluster.Proxy.BaseUrl,
            Locale = "zh-CN",
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        _context.SetDefaultTimeout(Timeout);
        if (node is not null)
            await _context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = "kam_node", Value = node, Url = Cluster.Proxy.BaseUrl }]);
        return await _context.NewPageAsync();
    }

    private async Task<string> NodeAsync() => (await _context!.CookiesAsync()).Single(c => c.Name == "kam_node").Value;

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.Locator("#userName").FillAsync(user);
        await page.Locator("#password").FillAsync(ClusterFixture.Password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitInteractiveAsync(page);
    }

    private static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#kam-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
