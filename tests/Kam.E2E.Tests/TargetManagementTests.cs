using Kam.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Kam.E2E.Tests;

/// <summary>The head manages the department's figures: splits a contract's credit, imports a breakdown, drills into a figure.</summary>
public sealed class TargetManagementTests(KamApp app) : BrowserTest(app)
{
    [Fact]
    public Task Head_splits_a_signed_contracts_credit_70_30_after_being_told_the_shares_do_not_add_up() => Run(async () =>
    {
        using var api = await KamApi.LoginAsync(App, "head");
        var contracts = await api.GetAsync("/api/contracts?status=InForce&pageSize=5");
        var id = contracts.GetProperty("items")[contracts.GetProperty("items").GetArrayLength() - 1].GetProperty("id").GetString();
        var page = await NewPageAsync(1440, 900);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, $"/contracts/{id}");
        await Expect(page.Locator("[data-testid=credit-panel]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=credit-split-open]").ClickAsync();
        var form = page.Locator("[data-testid=credit-form]");
        await Expect(form).ToBeVisibleAsync();
        var save = page.Locator(".ant-modal", new() { Has = form }).Locator(".ant-modal-footer .ant-btn-primary");

        var first = await form.Locator("[data-testid=credit-person-0]").InputValueAsync();
        var options = await form.Locator("[data-testid=credit-person-1] option").EvaluateAllAsync<string[]>("os => os.map(o => o.value)");
        await form.Locator("[data-testid=credit-person-1]").SelectOptionAsync(options.First(v => v.Length > 0 && v != first));
        await form.Locator("[data-testid=credit-percent-0]").FillAsync("60");
        await form.Locator("[data-testid=credit-percent-0]").PressAsync("Tab");
        await form.Locator("[data-testid=credit-percent-1]").FillAsync("30");
        await form.Locator("[data-testid=credit-percent-1]").PressAsync("Tab");
        await Expect(form.Locator("[data-testid=credit-sum]")).ToContainTextAsync("合计 90%");
        await form.Locator("[data-testid=credit-reason]").FillAsync("二人共同开发，按七三分");
        await form.Locator("[data-testid=credit-reason]").PressAsync("Tab");
        await save.ClickAsync();
        await Expect(form.Locator("[data-testid=credit-shares-error]")).ToContainTextAsync("90%");
        await ShotAsync(page, "credit-split-error");

        await form.Locator("[data-testid=credit-percent-0]").FillAsync("70");
        await form.Locator("[data-testid=credit-percent-0]").PressAsync("Tab");
        await Expect(form.Locator("[data-testid=credit-sum]")).ToContainTextAsync("合计 100%");
        await save.ClickAsync();
        await Expect(page.Locator("[data-testid=credit-current]")).ToContainTextAsync("70%");
        await Expect(page.Locator("[data-testid=credit-current]")).ToContainTextAsync("30%");
        await Expect(page.Locator("[data-testid=credit-history]")).ToContainTextAsync("二人共同开发", new() { UseInnerText = false });
        await ShotAsync(page, "credit-split-done");
    });

    private static Dictionary<string, object?> Row(string period, string metric, string person, decimal minimum, decimal target, decimal challenge) => new()
    {
        ["期间"] = period,
        ["指标"] = metric,
        ["人员"] = person,
        ["保底"] = minimum,
        ["目标"] = target,
        ["挑战"] = challenge,
    };

    [Fact]
    public Task Head_imports_a_breakdown_sees_the_bad_row_by_number_then_imports_the_corrected_sheet() => Run(async () =>
    {
        var period = $"{DateTime.Now.Year + 1}-03";
        var page = await NewPageAsync(1440, 900);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, $"/targets/breakdown?period={period}");
        await page.Locator("[data-testid=breakdown-import]").ClickAsync();
        var file = page.Locator("input[data-testid=breakdown-import-file]");

        await file.SetInputFilesAsync(new FilePayload
        {
            Name = "目标分解.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Spreadsheets.Write([
                Row(period, "新增商机金额", "部门目标", 200_000, 300_000, 400_000),
                Row(period, "新增商机金额", "没有这个人", 100_000, 150_000, 200_000),
                Row(period, "新增商机金额", "am2", 100_000, 150_000, 200_000),
            ]),
        });
        await page.Locator("[data-testid=breakdown-import-start]").ClickAsync();
        var result = page.Locator("[data-testid=breakdown-import-result]");
        await Expect(result).ToContainTextAsync("没有名为“没有这个人”的客户经理");
        await Expect(result.Locator("tr", new() { HasText = "没有这个人" }).Locator("td").First).ToHaveTextAsync("3");
        await ShotAsync(page, "breakdown-import-errors");

        await file.SetInputFilesAsync(new FilePayload
        {
            Name = "目标分解（改）.xlsx",
            MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = Spreadsheets.Write([
                Row(period, "新增商机金额", "部门目标", 200_000, 300_000, 400_000),
                Row(period, "新增商机金额", "am1", 100_000, 150_000, 200_000),
                Row(period, "新增商机金额", "am2", 100_000, 150_000, 200_000),
            ]),
        });
        await page.Locator("[data-testid=breakdown-import-start]").ClickAsync();
        await Expect(result).ToContainTextAsync("已导入 3 行");
        await page.Keyboard.PressAsync("Escape");
        await page.Locator("[data-testid=breakdown-metric]").SelectOptionAsync("NewOpportunityAmount");
        await Expect(page.Locator("[data-testid=department-target]")).ToHaveValueAsync("300,000");
    });

    [Fact]
    public Task Head_sets_a_quarters_visits_and_has_them_spread_over_its_months() => Run(async () =>
    {
        var quarter = $"{DateTime.Now.Year + 2}-Q2";
        var page = await NewPageAsync(1440, 900);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, $"/targets/breakdown?period={quarter}");
        await page.Locator("[data-testid=breakdown-metric]").SelectOptionAsync("Visits");
        async Task Fill(ILocator box, string value)
        {
            await box.FillAsync(value);
            await box.PressAsync("Tab");
        }
        await Fill(page.Locator("[data-testid=department-minimum]"), "80");
        await Fill(page.Locator("[data-testid=department-challenge]"), "120");
        await Fill(page.Locator("[data-testid=department-target]"), "100");
        var rows = page.Locator("[data-testid=breakdown-row]");
        var count = await rows.CountAsync();
        for (var i = 0; i < count; i++)
        {
            await Fill(rows.Nth(i).Locator("[data-testid=person-minimum]"), "0");
            await Fill(rows.Nth(i).Locator("[data-testid=person-challenge]"), i == 0 ? "120" : "0");
            await Fill(rows.Nth(i).Locator("[data-testid=person-target]"), i == 0 ? "100" : "0");
        }
        await page.Locator("[data-testid=breakdown-spread-method]").SelectOptionAsync("Even");
        await ShotAsync(page, "breakdown-quarter");
        await page.Locator("[data-testid=breakdown-save]").ClickAsync();
        await Expect(page.Locator("[data-testid=breakdown-saved]")).ToBeVisibleAsync();

        // 100 visits over three months: 34, 33, 33.
        var first = quarter[..4] + "-04";
        await GotoInteractiveAsync(page, $"/targets/breakdown?period={first}");
        await page.Locator("[data-testid=breakdown-metric]").SelectOptionAsync("Visits");
        await Expect(page.Locator("[data-testid=department-target]")).ToHaveValueAsync("34");
    });

    [Fact]
    public Task Head_sets_a_focus_target_on_a_province_beside_the_demo_brand_and_dealer_targets() => Run(async () =>
    {
        var page = await NewPageAsync(1440, 900);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, "/targets");
        var panel = page.Locator("[data-testid=focus-panel]");
        await Expect(panel.Locator("[data-testid=focus-row]", new() { HasText = "体系内经销商" })).ToBeVisibleAsync();
        await panel.Locator("[data-testid=focus-add]").ClickAsync();
        var form = page.Locator("[data-testid=focus-form]");
        await form.Locator("[data-testid=focus-dimension]").SelectOptionAsync("Region");
        await form.Locator("[data-testid=focus-value]").SelectOptionAsync(new SelectOptionValue { Label = "广东省" });
        await form.Locator("[data-testid=focus-metric]").SelectOptionAsync("Signed");
        foreach (var (level, value) in new[] { ("minimum", "800000"), ("target", "1000000"), ("challenge", "1200000") })
        {
            await form.Locator($"[data-testid=focus-{level}]").FillAsync(value);
            await form.Locator($"[data-testid=focus-{level}]").PressAsync("Tab");
        }
        await page.Locator(".ant-modal", new() { Has = form }).Locator(".ant-modal-footer .ant-btn-primary").ClickAsync();
        await Expect(panel.Locator("[data-testid=focus-row]", new() { HasText = "广东省" })).ToContainTextAsync("¥1,000,000.00");
        await ShotAsync(page, "focus-targets");
    });

    [Fact]
    public Task Head_hands_a_leavers_unmet_target_to_the_heir_when_the_handover_asks() => Run(async () =>
    {
        var (leaver, heir) = (UniqueName("am"), UniqueName("am"));
        var (leaverName, heirName) = ("钱走" + leaver[^4..], "孙接" + heir[^4..]);
        var next = DateTime.Now.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Guid leaverId, heirId;
        using (var admin = await KamApi.LoginAsync(App, "admin"))
        {
            leaverId = await admin.CreateAccountManagerAsync(leaver, leaverName, "Start2026a");
            heirId = await admin.CreateAccountManagerAsync(heir, heirName, "Start2026a");
        }
        using var api = await KamApi.LoginAsync(App, "head");
        var breakdown = await api.GetAsync($"/api/targets?period={next}");
        var visits = breakdown.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("metric").GetString() == "Visits");
        var others = visits.GetProperty("people").EnumerateArray()
            .Select(p => new { personId = p.GetProperty("person").GetProperty("id").GetGuid(), minimum = p.GetProperty("levels").GetProperty("minimum").GetDecimal(), target = p.GetProperty("levels").GetProperty("target").GetDecimal(), challenge = p.GetProperty("levels").GetProperty("challenge").GetDecimal() })
            .Where(p => p.personId != leaverId).ToList();
        var people = others.Append(new { personId = leaverId, minimum = 8m, target = 10m, challenge = 12m }).ToList();
        await api.PutAsync($"/api/targets?period={next}", new
        {
            metric = "Visits",
            version = visits.GetProperty("version").ValueKind == System.Text.Json.JsonValueKind.Null ? (Guid?)null : visits.GetProperty("version").GetGuid(),
            minimum = people.Sum(p => p.minimum),
            target = people.Sum(p => p.target),
            challenge = people.Sum(p => p.challenge),
            people,
        });

        var page = await NewPageAsync(1440, 900);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, "/accounts/handover");
        await page.Locator("select[data-testid=handover-from]").SelectOptionAsync(new SelectOptionValue { Label = $"{leaverName}（{leaver}）" });
        await page.Locator("select[data-testid=handover-to]").SelectOptionAsync(new SelectOptionValue { Label = $"{heirName}（{heir}）" });
        var line = page.Locator("[data-testid='handover-line-handover.targets']");
        await Expect(line).ToContainTextAsync("未完成的目标（本月及以后）：1");
        await Expect(line.Locator("input[type=checkbox]")).ToBeCheckedAsync();
        await ShotAsync(page, "handover-targets");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认移交" }).ClickAsync();
        await page.Locator(".ant-popover:visible .ant-btn-primary").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/accounts/handover/", StringComparison.Ordinal));

        var after = await api.GetAsync($"/api/targets?period={next}");
        var moved = after.GetProperty("sheets").EnumerateArray().Single(s => s.GetProperty("metric").GetString() == "Visits")
            .GetProperty("people").EnumerateArray().Single(p => p.GetProperty("person").GetProperty("id").GetGuid() == heirId);
        Assert.Equal(10m, moved.GetProperty("levels").GetProperty("target").GetDecimal());
    });

    [Fact]
    public Task Head_drills_from_a_persons_figure_to_the_records_credited_to_them() => Run(async () =>
    {
        var page = await NewPageAsync(1440, 900);
        await LoginAsync(page, "head");
        await GotoInteractiveAsync(page, "/targets");
        var drill = page.Locator("[data-testid=progress-drill]").First;
        await Expect(drill).ToBeVisibleAsync();
        await drill.ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("credited=", StringComparison.Ordinal));
        await WaitInteractiveAsync(page);
        await Expect(page.Locator("[data-testid=credit-filter]")).ToContainTextAsync("业绩明细");
        await ShotAsync(page, "drill-down");
        await page.Locator("[data-testid=credit-filter-clear]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("credited=", StringComparison.Ordinal));
        await Expect(page.Locator("[data-testid=credit-filter]")).ToHaveCountAsync(0);
    });
}
