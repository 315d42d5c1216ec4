using System.Text.Json;
using System.Text.RegularExpressions;
using Kam.Core.Common;
using Kam.E2E.Tests.Infrastructure;
using Kam.Web.Components.Layout;
using Microsoft.Playwright;

namespace Kam.E2E.Tests;

/// <summary>
/// The guard that walks every page: as each role, every entry of its navigation and one detail page of each kind it
/// may open, at 1440×900 and at 390×844, in Chinese. A page fails on an answer ≥ 400, a console error or a Content
/// Security Policy violation, an uncaught script error, sideways scrolling on the phone, raw text on screen (a
/// resource key, a code identifier such as "CreatedAt", "True"/"False"), an English word on the Chinese page, or a
/// number or date broken across two lines ("¥10,936,34 / 9"). A screenshot of every page is kept under
/// screenshots/page-walk. New pages join by being in the navigation.
/// </summary>
public sealed partial class PageWalkTests(KamApp app) : BrowserTest(app)
{
    private static readonly (int Width, int Height)[] Sizes = [(1440, 900), (390, 844)];

    private static readonly Dictionary<string, string> RoleOf = new()
    {
        ["exec"] = "Executive",
        ["head"] = "Head",
        ["assistant"] = "Assistant",
        ["am1"] = "AccountManager",
        ["admin"] = "Admin",
    };

    // Texts that look like resource keys but are data (none yet): add with a reason.
    private static readonly HashSet<string> KeyLikeData = [];

    // Latin words a Chinese page may show: the product's name, and what Chinese users write in Latin letters
    // themselves. Anything else (an English label, "Loading", "Submit", "Search") is an untranslated text.
    private static readonly HashSet<string> LatinAllowed = new(StringComparer.Ordinal)
    {
        "Kam", "KA",
        "English", // the switch to English, written in English as language switches are
        "Excel",   // the file format people ask for by name
    };

    /// <summary>Numbers and dates on screen, each to be on one line: ¥1,234.56, -¥12.00, 3,623.3万, 45%, 2026-12-07 09:30.</summary>
    private const string BrokenNumbersScript = """
        () => {
          const found = [];
          // Dates, date-times, codes (KA-2026-0001, AW-207) and amounts; not pieces of longer tokens such as ids.
          const re = /(?<![\w\-.,¥$])(?:\d{4}-\d{2}-\d{2}(?:[ \u00a0]\d{2}:\d{2})?|[A-Z]{1,4}-\d{2,}(?:-\d+)*|-?[¥$]?-?\d[\d,]*(?:\.\d+)?(?:万|亿|%)?)(?![\w])/g;
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.nodeValue;
            if (!text || !/\d/.test(text)) continue;
            const el = node.parentElement;
            // Prose people wrote (a contract's terms, its changes: .kam-pre) wraps where the browser wraps prose.
            if (!el || el.closest('script,style,svg,[hidden],.kam-pre')) continue;
            re.lastIndex = 0;
            for (let m = re.exec(text); m; m = re.exec(text)) {
              if (m[0].length < 4) continue;
              // A figure Kam shows as a figure (a cell, a tile, a date beside its label) stands alone in its text; a
              // date inside a sentence (a notification, a contract's changes) wraps as the sentence wraps.
              if (text.trim().length > m[0].length + 4) continue;
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              const tops = new Set(Array.from(range.getClientRects()).filter(r => r.width > 0 && r.height > 0).map(r => Math.round(r.top)));
              const where = e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\s+/)[0] : '');
              if (tops.size > 1) found.push(m[0] + ' in ' + where(el) + (el.parentElement ? ' < ' + where(el.parentElement) : ''));
            }
          }
          return found.slice(0, 20);
        }
        """;

    [Theory]
    [InlineData("exec")]
    [InlineData("head")]
    [InlineData("assistant")]
    [InlineData("am1")]
    [InlineData("admin")]
    public Task Every_page_a_role_can_open_is_clean_at_desk_and_phone_size(string user) => Run(async () =>
    {
        var role = RoleOf[user];
        var paths = NavAreas.Areas.SelectMany(a => a.Items)
            .Where(i => i.Roles.Length == 0 || i.Roles.Contains(role))
            .Select(i => i.Href).ToList();
        Assert.NotEmpty(paths);
        paths.Insert(0, "/");          // the workbench, everyone's first page
        paths.Add("/notifications");   // the bell's "all" link, for everyone
        paths.AddRange(await DetailPagesAsync(user));

        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots", "page-walk");
        if (Directory.Exists(folder))
        {
            foreach (var old in Directory.GetFiles(folder, $"{user}-*"))
                File.Delete(old);
        }
        var problems = new List<string>();
        foreach (var (width, height) in Sizes)
        {
            var page = await NewPageAsync(width, height);
            var current = "";
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                    problems.Add($"{width}px {current}: console error: {message.Text}");
            };
            page.PageError += (_, error) => problems.Add($"{width}px {current}: script error: {error}");
            page.Response += (_, response) =>
            {
                if (response.Status >= 400)
                    problems.Add($"{width}px {current}: {response.Status} {response.Url}");
            };
            await LoginAsync(page, user);
            foreach (var path in paths)
            {
                current = path;
                try
                {
                    await page.GotoAsync(path);
                    // Print views are plain pages (no circuit): they are ready when loaded.
                    if (!path.EndsWith("/print", StringComparison.Ordinal))
                        await WaitInteractiveAsync(page);
                    await SettleAsync(page);
                }
                catch (TimeoutException e)
                {
                    problems.Add($"{width}px {path}: never ready ({e.Message.Split('\n')[0]})");
                    continue;
                }
                problems.AddRange((await InspectAsync(page, width < 600)).Select(p => $"{width}px {path}: {p}"));
                var shot = Path.Combine(AppContext.BaseDirectory, "screenshots", "page-walk", $"{user}-{width}-{(path == "/" ? "workbench" : Slug().Replace(path, "_").Trim('_'))}.png");
                Directory.CreateDirectory(Path.GetDirectoryName(shot)!);
                // The phone shot is the first screen, as a person holding the phone sees it; the desk shot is the whole page.
                await page.ScreenshotAsync(new() { Path = shot, FullPage = width > 600 });
            }
        }
        var report = Path.Combine(AppContext.BaseDirectory, "screenshots", "page-walk", $"{user}-problems.txt");
        await File.WriteAllLinesAsync(report, problems.Distinct());
        Assert.True(problems.Count == 0, $"{problems.Count} problems as {user} (all in {report}):\n" + string.Join("\n", problems.Distinct().Take(60)));
    });

    /// <summary>One page of each kind of record this person may open, found through the API as them.</summary>
    private async Task<List<string>> DetailPagesAsync(string user)
    {
        var pages = new List<string>();
        if (user == "admin")
            return pages;
        using var api = await KamApi.LoginAsync(App, user);
        async Task<string?> First(string list)
        {
            var result = await api.GetAsync(list);
            var items = result.ValueKind == JsonValueKind.Array ? result : result.GetProperty("items");
            return items.GetArrayLength() > 0 ? items[0].GetProperty("id").GetString() : null;
        }
        if (await First("/api/accounts?pageSize=1") is { } account)
            pages.AddRange([$"/accounts/{account}", $"/accounts/{account}?tab=contacts", $"/accounts/{account}?tab=visits", $"/accounts/{account}?tab=timeline"]);
        if (await First("/api/visits?pageSize=1") is { } visit)
            pages.Add($"/visits/{visit}");
        if (await First("/api/daily-reports?pageSize=1") is { } report)
            pages.Add($"/daily-reports/{report}");
        if (await First("/api/meetings?pageSize=1") is { } meeting)
            pages.Add($"/meetings/{meeting}");
        if (await First("/api/tasks?pageSize=1") is { } task)
            pages.Add($"/tasks/{task}");
        if (await First("/api/opportunities?pageSize=1") is { } opportunity)
            pages.Add($"/opportunities/{opportunity}");
        if (await First("/api/contracts?pageSize=1&status=InForce") is { } contract)
            pages.AddRange([$"/contracts/{contract}", $"/contracts/{contract}/print", $"/contracts/{contract}/payment-plan"]);
        if (await First("/api/orders?pageSize=1") is { } order)
            pages.AddRange([$"/orders/{order}", $"/orders/{order}/print"]);
        if (await First("/api/expense-claims?pageSize=1") is { } claim)
            pages.AddRange([$"/expenses/{claim}", $"/expenses/{claim}/print"]);
        if (await First("/api/budgets") is { } budget)
            pages.Add($"/budgets/{budget}");
        if (await First("/api/cases?pageSize=1&status=open") is { } openCase)
            pages.AddRange([$"/cases/{openCase}", $"/cases/{openCase}/print", $"/cases/{openCase}/edit"]);
        if (await First("/api/cases?pageSize=1&status=Closed") is { } closedCase)
            pages.Add($"/cases/{closedCase}");
        if (await First("/api/follow-ups?pageSize=1&status=Open") is { } openFollowUp)
            pages.AddRange([$"/follow-ups/{openFollowUp}", "/follow-ups/new"]);
        if (await First("/api/follow-ups?pageSize=1&status=Answered") is { } answered)
            pages.Add($"/follow-ups/{answered}");
        if (await First("/api/accounts?pageSize=1") is { } withCases)
            pages.Add($"/accounts/{withCases}?tab=service");
        if (await First("/api/appraisal-schemes") is { } scheme)
            pages.AddRange([$"/appraisal-schemes/{scheme}", "/appraisal-schemes/new"]);
        if (await First("/api/appraisals/mine") is { } ownSheet)
            pages.Add($"/appraisals/{ownSheet}");
        if (await First("/api/commission-schemes") is { } commissionScheme)
            pages.AddRange([$"/commission-schemes/{commissionScheme}", "/commission-schemes/new"]);
        var runs = await api.GetAsync("/api/commission-runs");
        if (runs.GetArrayLength() > 0)
        {
            var run = runs[0].GetProperty("id").GetString();
            pages.Add($"/commission-runs/{run}");
            var me = (await api.GetAsync("/api/me")).GetProperty("id").GetString();
            if (runs[0].TryGetProperty("mine", out var mine) && mine.ValueKind == JsonValueKind.Number)
                pages.Add($"/commission-runs/{run}/statements/{me}");
        }
        var month = await api.GetAsync("/api/appraisals");
        if (month.TryGetProperty("rows", out var rows) && rows.GetArrayLength() > 0)
            pages.Add($"/appraisals/{rows[0].GetProperty("id").GetString()}");
        return pages;
    }

    /// <summary>Waits until the page's own loading is over (no spinner turning), briefly.</summary>
    private static async Task SettleAsync(IPage page)
    {
        for (var i = 0; i < 50 && await page.Locator(".ant-spin-spinning").CountAsync() > 0; i++)
            await page.WaitForTimeoutAsync(100);
        await page.WaitForTimeoutAsync(150);
    }

    /// <summary>What a person would see is wrong on this page.</summary>
    private static async Task<List<string>> InspectAsync(IPage page, bool phone)
    {
        var found = new List<string>();
        if (phone)
        {
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            if (scroll > client + 1)
                found.Add($"scrolls sideways ({scroll}px in {client}px)");
        }
        var text = await page.Locator("body").InnerTextAsync();
        // Data that is Latin by nature and marked translate="no" (login names, codes) is not an untranslated text.
        var latinData = await page.Locator("[translate=no]").AllInnerTextsAsync();
        foreach (var key in Text.Keys.Keys.Where(k => k.Contains('.') && !KeyLikeData.Contains(k)))
        {
            var at = text.IndexOf(key, StringComparison.Ordinal);
            if (at >= 0 && !IsWordChar(text, at - 1) && !IsWordChar(text, at + key.Length))
                found.Add($"raw text key '{key}'");
        }
        foreach (Match m in CodeIdentifier().Matches(text))
            found.Add($"code identifier '{m.Value}'");
        // Longest first: a short value ("1000", "am1") must not cut a longer one (an id on the audit page) into pieces
        // that then read as words ("bb").
        var prose = latinData.Where(d => d.Length > 0).OrderByDescending(d => d.Length)
            .Aggregate(text, (t, d) => t.Replace(d, " ", StringComparison.Ordinal));
        foreach (var word in LatinWords(prose).Distinct())
            found.Add($"English word '{word}'");
        foreach (var number in await page.EvaluateAsync<string[]>(BrokenNumbersScript))
            found.Add($"number broken across lines '{number}'");
        return found;
    }

    /// <summary>
    /// Latin words of the page's text outside the allowed ones: e-mail addresses, web addresses, codes with digits
    /// (KA-2026-0001, SKU-A100) and upper-case abbreviations of up to four letters (VIP, CRM, PDF) are not words.
    /// </summary>
    private static IEnumerable<string> LatinWords(string text)
    {
        foreach (var token in text.Split((char[])[' ', '\n', '\t', '\r', '（', '）', '(', ')', '，', '、', '：', ':', '；', '/', '·', '|'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains('@') || token.Contains("://", StringComparison.Ordinal) || token.Any(char.IsAsciiDigit))
                continue;
            foreach (Match m in LatinWord().Matches(token))
            {
                var word = m.Value;
                if (LatinAllowed.Contains(word) || (word.Length <= 4 && word.All(char.IsAsciiLetterUpper)))
                    continue;
                yield return word;
            }
        }
    }

    [GeneratedRegex(@"(?<![A-Za-z.])[A-Za-z]{2,}(?![A-Za-z])")]
    private static partial Regex LatinWord();

    private static bool IsWordChar(string text, int at) =>
        at >= 0 && at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '_' or '.');

    // "CreatedAt", "AccessFailedCount", "True", "False": names from the code, not words for a person.
    [GeneratedRegex(@"\b(?:[A-Z][a-z]+(?:[A-Z][a-z]+)+|True|False)\b")]
    private static partial Regex CodeIdentifier();

    [GeneratedRegex(@"[^A-Za-z0-9]+")]
    private static partial Regex Slug();
}
