using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests.Infrastructure;

/// <summary>
/// One test against the shared app: every page gets its own browser context (own cookies), speaks zh-CN, and is
/// screenshotted when the test fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(KamApp app) : IAsyncLifetime
{
    public const string DemoPassword = "Demo#2026";
    private const float Timeout = 15_000;

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];

    protected KamApp App => app;

    static BrowserTest() => SetDefaultExpectTimeout(Timeout);

    /// <summary>A fresh browser context (no cookies) with one page.</summary>
    protected async Task<IPage> NewPageAsync(int width = 1280, int height = 800, string browserLocale = "zh-CN")
    {
        var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseUrl,
            Locale = browserLocale,
            ViewportSize = new() { Width = width, Height = height },
        });
        context.SetDefaultTimeout(Timeout);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        _pages.Add(page);
        return page;
    }

    /// <summary>Fills and submits the login form; does not check the outcome.</summary>
    protected static async Task SubmitLoginAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/login");
        await page.Locator("#userName").FillAsync(userName);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("[data-testid=login-submit]").ClickAsync();
    }

    /// <summary>Signs in and waits until the workbench is interactive.</summary>
    protected static async Task LoginAsync(IPage page, string userName, string password = DemoPassword)
    {
        await SubmitLoginAsync(page, userName, password);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await WaitInteractiveAsync(page);
    }

    /// <summary>Opens a page of the app and waits for the Blazor circuit (clicks before it are lost).</summary>
    protected static async Task GotoInteractiveAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await WaitInteractiveAsync(page);
    }

    protected static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("#kam-interactive").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Types a date (yyyy-MM-dd, or yyyy-MM-dd HH:mm) into Kam's date box (DateBox / MonthBox, found by the box's
    /// data-testid) as a person would, and confirms it with Enter; the box must then show it.
    /// </summary>
    protected static async Task TypeDateAsync(ILocator box, string text)
    {
        var input = box.Locator("input").First;
        await input.ClickAsync();
        await input.FillAsync(text);
        await input.PressAsync("Enter");
        // The box closes its calendar once it has taken the date: the value is then the form's.
        await Assertions.Expect(box.Locator(".kam-dp-panel")).ToHaveCountAsync(0);
        await Assertions.Expect(input).ToHaveValueAsync(text);
    }

    /// <summary>
    /// Chooses a record in Kam's search picker (SearchPicker, found by its data-testid): types the search, then clicks
    /// the first match that contains <paramref name="option"/> (the search itself when not given).
    /// </summary>
    protected static async Task PickAsync(ILocator picker, string search, string? option = null)
    {
        var input = picker.Locator("input").First;
        await input.ClickAsync();
        await input.FillAsync(search);
        var match = picker.Locator(".kam-picker-option", new() { HasText = option ?? search }).First;
        await match.ClickAsync();
        await Assertions.Expect(picker.Locator(".kam-picker-list")).ToHaveCountAsync(0);
    }

    /// <summary>A user name no other test uses.</summary>
    protected static string UniqueName(string prefix) => $"{prefix}{Digits(8)}";

    /// <summary>
    /// A random run of digits to make a test's names unique. Digits, not hexadecimal: a hex suffix of letters only
    /// ("acfa") reads as an English word on every page that lists the record, and the page walk rightly fails it.
    /// </summary>
    protected static string Digits(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + Random.Shared.Next(10))));

    /// <summary>
    /// Asserts the page does not scroll sideways at its width; if it does, names the elements that stick out (the
    /// innermost first), which a bare scrollWidth never tells.
    /// </summary>
    protected static async Task AssertNoSidewaysScrollAsync(IPage page, string what)
    {
        var viewport = page.ViewportSize?.Width ?? 390;
        // The width the person sees once the page has settled: a panel still laying out while its data arrives is
        // given a few moments, then the page is judged.
        var width = 0;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width <= viewport + 4)
                return;
            await page.WaitForTimeoutAsync(250);
        }
        var culprits = await page.EvaluateAsync<string[]>(@"(limit) => {
            const out = e => e.getBoundingClientRect().right > limit + 1;
            const clipped = e => { for (let a = e.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if ((o === 'hidden' || o === 'clip' || o === 'auto' || o === 'scroll') && !out(a)) return true; } return false; };
            return [...document.querySelectorAll('body *')].filter(e => out(e) && !clipped(e) && ![...e.children].some(out))
                .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} right=${Math.round(e.getBoundingClientRect().right)} '${(e.textContent || '').trim().slice(0, 40)}'`); }", viewport);
        Assert.Fail($"{what} scrolls sideways: scrollWidth {width} > {viewport}; sticking out: {string.Join("; ", culprits)}");
    }

    /// <summary>Screenshots for a person reviewing the pages (KAM_SHOTS=folder); nothing otherwise.</summary>
    protected static async Task ShotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("KAM_SHOTS") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
        }
    }

    /// <summary>Runs the test body; on failure saves a full-page screenshot of every page it opened.</summary>
    protected async Task Run(Func<Task> body, [CallerMemberName] string test = "")
    {
        try
        {
            await body();
        }
        catch
        {
            var dir = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            for (var i = 0; i < _pages.Count; i++)
            {
                var name = _pages.Count == 1 ? test : $"{test}-{i + 1}";
                try
                {
                    await _pages[i].ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = true });
                }
                catch (PlaywrightException)
                {
                    // The page is gone (e.g. crashed): keep the original failure.
                }
            }
            throw;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
            await context.DisposeAsync();
    }
}
