using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>
/// Budgets for tests of claims. Claims are dated within the last 90 days, so every claim spends against the current
/// year's budget, which one test alone cannot own: each test adds a category of its own (with the rule it tests) and
/// an approved adjustment of the current year's budget gives that category its amount this month.
/// </summary>
public static class Budgets
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Shanghai).DateTime);

    public static decimal[] Even(decimal perMonth) => Enumerable.Repeat(perMonth, 12).ToArray();

    public static async Task Approve(HttpClient approver, string approvalId, string comment = "同意") =>
        await (await approver.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { comment })).Ok<JsonObject>();

    /// <summary>A new category with the given rule; its code.</summary>
    public static async Task<string> AddCategory(HttpClient head, string rule, bool needsAccount = false, bool travel = false)
    {
        var current = await (await head.GetAsync("/api/expense-categories")).Ok<JsonObject>();
        var code = "t" + Guid.NewGuid().ToString("N")[..10];
        var list = current["categories"]!.AsArray().Select(c => (JsonNode)new JsonObject
        {
            ["code"] = (string)c!["code"]!,
            ["name"] = c["customName"]?.DeepClone(),
            ["alertPercent"] = (int)c["alertPercent"]!,
            ["overRule"] = (string)c["overRule"]!,
            ["needsAccount"] = (bool)c["needsAccount"]!,
            ["travel"] = (bool)c["travel"]!,
            ["active"] = (bool)c["active"]!,
        }).ToList();
        list.Add(new JsonObject { ["code"] = code, ["name"] = "测试科目" + code[1..5], ["alertPercent"] = 80, ["overRule"] = rule, ["needsAccount"] = needsAccount, ["travel"] = travel });
        await (await head.PutAsJsonAsync("/api/expense-categories", new { categories = list, version = current["version"]?.DeepClone() })).Ok<JsonObject>();
        return code;
    }

    /// <summary>The current year's approved budget (drafted by the assistant and approved by the head if there is none).</summary>
    public static async Task<string> CurrentYear(HttpClient assistant, HttpClient head)
    {
        var year = Today.Year;
        var rows = await (await assistant.GetAsync("/api/budgets")).Ok<JsonArray>();
        if (rows.FirstOrDefault(r => (int)r!["year"]! == year) is { } row)
        {
            Assert.Equal("Approved", (string?)row["status"]);
            return (string)row["id"]!;
        }
        var created = await (await assistant.PostAsJsonAsync("/api/budgets", new
        {
            year,
            categories = new[] { new { category = "office", amount = 1200m, months = Even(100m) } },
        })).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        var submitted = await (await assistant.PostAsJsonAsync($"/api/budgets/{id}/submit", new { version = created["version"] })).Ok<JsonObject>();
        await Approve(head, (string)submitted["approvalId"]!);
        return id;
    }

    /// <summary>Adds <paramref name="amount"/> to the category this month, through an approved adjustment.</summary>
    public static async Task Give(HttpClient assistant, HttpClient head, string budgetId, string category, decimal amount)
    {
        await (await assistant.PostAsJsonAsync($"/api/budgets/{budgetId}/adjustments", new
        {
            reason = "测试追加预算",
            lines = new[] { new { category, month = Today.Month, delta = amount } },
        })).Ok<JsonObject>(HttpStatusCode.Created);
        var budget = await (await assistant.GetAsync($"/api/budgets/{budgetId}")).Ok<JsonObject>();
        await Approve(head, (string)budget["adjustments"]![0]!["approvalId"]!);
    }

    /// <summary>A category of its own with <paramref name="amount"/> this month under <paramref name="rule"/>.</summary>
    public static async Task<string> Category(HttpClient assistant, HttpClient head, string rule, decimal amount, bool travel = false)
    {
        var code = await AddCategory(head, rule, travel: travel);
        await Give(assistant, head, await CurrentYear(assistant, head), code, amount);
        return code;
    }

    public static object Line(string category, decimal amount, Guid? accountId = null, string? invoice = null, DateOnly? date = null) => new
    {
        date = (date ?? Today).ToString("yyyy-MM-dd"),
        category,
        amount,
        description = "客户接待",
        invoiceNumber = invoice,
        accountId,
    };

    /// <summary>A draft claim of the given lines; its view.</summary>
    public static async Task<JsonObject> Draft(HttpClient claimant, params object[] lines) =>
        await (await claimant.PostAsJsonAsync("/api/expense-claims", new { title = "客户拜访费用", lines })).Ok<JsonObject>(HttpStatusCode.Created);

    public static Task<HttpResponseMessage> Submit(HttpClient claimant, JsonObject claim, string? justification = null) =>
        claimant.PostAsJsonAsync($"/api/expense-claims/{claim["id"]}/submit", new { version = claim["version"]?.DeepClone(), justification });

    /// <summary>The execution row of a category this year, as the head sees it.</summary>
    public static async Task<JsonNode> Execution(HttpClient head, string category)
    {
        var view = await (await head.GetAsync($"/api/budgets/execution?year={Today.Year}&groupBy=category")).Ok<JsonObject>();
        return view["rows"]!.AsArray().Single(r => (string?)r!["key"] == category)!;
    }

    public static string Invoice() => string.Concat(Enumerable.Range(0, 20).Select(_ => (char)('0' + Random.Shared.Next(10))));
}
