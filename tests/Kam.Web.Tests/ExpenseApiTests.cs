using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>
/// The department's expense budget and the claims against it (费用预算与报销): splits that add up, approval by the head
/// and the executive, adjustments, the budget's rules at submission (warn, escalate, block), races that cannot
/// overspend, invoices claimed once, and who may see and do what.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ExpenseApiTests(KamFactory app)
{
    private Task<Guid> UserId(string userName) => app.Read(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
        db.Users.Where(u => u.UserName == userName).Select(u => u.Id)));

    // Budgets far ahead: one a year, so each test takes a year of its own (2099 and 2100 are the data-scope tests').
    private static int FarYear() => 2060 + Random.Shared.Next(39);

    [Fact]
    public async Task A_budget_adds_up_is_approved_by_the_head_and_above_the_threshold_by_the_executive_then_changes_only_through_an_adjustment()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var am1Id = await UserId("am1");
        var year = FarYear();
        while ((await (await assistant.GetAsync("/api/budgets")).Ok<JsonArray>()).Any(r => (int)r!["year"]! == year))
            year = FarYear();

        // Months that do not add up to the year, and people allocated more than the month: refused, field by field.
        var wrong = await (await assistant.PostAsJsonAsync("/api/budgets", new
        {
            year,
            categories = new object[]
            {
                new { category = "travel", amount = 1300m, months = Budgets.Even(100m) },
                new { category = "entertainment", amount = 1200m, months = Budgets.Even(100m), people = new[] { new { personId = am1Id, months = Budgets.Even(150m) } } },
                new { category = "nonesuch", amount = 0m, months = Budgets.Even(0m) },
            },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("1,200.00", (string?)wrong["errors"]!["categories[0].months"]![0]);
        Assert.NotNull(wrong["errors"]!["categories[1].people"]);
        Assert.NotNull(wrong["errors"]!["categories[2].category"]);
        await (await am1.PostAsJsonAsync("/api/budgets", new { year, categories = Array.Empty<object>() })).Problem(HttpStatusCode.Forbidden);

        var created = await (await assistant.PostAsJsonAsync("/api/budgets", new
        {
            year,
            note = "年度费用预算",
            categories = new object[]
            {
                new { category = "pr", amount = 480_000m, months = Budgets.Even(40_000m) },
                new { category = "travel", amount = 120_000m, months = Budgets.Even(10_000m), people = new[] { new { personId = am1Id, months = Budgets.Even(2_000m) } } },
            },
        })).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal(600_000m, (decimal)created["total"]!);
        Assert.Equal([120_000m, 120_000m, 120_000m, 120_000m], created["categories"]![0]!["quarters"]!.AsArray().Select(q => (decimal)q!).ToArray());
        await (await assistant.PostAsJsonAsync("/api/budgets", new { year, categories = Array.Empty<object>() })).Problem(HttpStatusCode.BadRequest); // one a year

        // An account manager sees the budget only through what is allocated to them: am1 their travel, am2 nothing.
        var mine = await (await am1.GetAsync($"/api/budgets/{id}")).Ok<JsonObject>();
        Assert.True((bool)mine["partial"]!);
        Assert.Equal(24_000m, (decimal)mine["total"]!);
        Assert.Equal("travel", (string?)mine["categories"]!.AsArray().Single(c => (decimal)c!["amount"]! > 0)!["category"]);
        await (await am2.GetAsync($"/api/budgets/{id}")).Problem(HttpStatusCode.NotFound);

        // 600,000 a year: the head, then the executive (上级报批). Locked from submission on.
        var submitted = await (await assistant.PostAsJsonAsync($"/api/budgets/{id}/submit", new { version = created["version"] })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)submitted["status"]);
        var approvalId = (string)submitted["approvalId"]!;
        var approval = await (await head.GetAsync($"/api/approvals/{approvalId}")).Ok<JsonObject>();
        Assert.Equal(["Head", "Executive"], approval["steps"]!.AsArray().Select(s => (string)s!["approverRole"]!).ToArray());
        await (await assistant.PutAsJsonAsync($"/api/budgets/{id}", new { year, categories = Array.Empty<object>(), version = submitted["version"] })).Problem(HttpStatusCode.Conflict);
        await Budgets.Approve(head, approvalId);
        Assert.Equal("UnderReview", (string?)(await (await head.GetAsync($"/api/budgets/{id}")).Ok<JsonObject>())["status"]);
        await Budgets.Approve(exec, approvalId);
        var approved = await (await head.GetAsync($"/api/budgets/{id}")).Ok<JsonObject>();
        Assert.Equal("Approved", (string?)approved["status"]);

        // An adjustment moves 5,000 of March's PR to March's travel and adds 1,000 to am1's March: a reason, its own
        // approval, then the budget's lines change and the history keeps it.
        await (await assistant.PostAsJsonAsync($"/api/budgets/{id}/adjustments", new { reason = "", lines = Array.Empty<object>() }))
            .Problem(HttpStatusCode.BadRequest);
        var negative = await (await assistant.PostAsJsonAsync($"/api/budgets/{id}/adjustments", new
        {
            reason = "超出",
            lines = new[] { new { category = "pr", month = 3, personId = (Guid?)null, delta = -50_000m } },
        })).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(negative["errors"]!["lines"]);
        await (await assistant.PostAsJsonAsync($"/api/budgets/{id}/adjustments", new
        {
            reason = "三月展会差旅增加",
            lines = new[]
            {
                new { category = "pr", month = 3, personId = (Guid?)null, delta = -5_000m },
                new { category = "travel", month = 3, personId = (Guid?)null, delta = 5_000m },
                new { category = "travel", month = 3, personId = (Guid?)am1Id, delta = 1_000m },
            },
        })).Ok<JsonObject>(HttpStatusCode.Created);
        await (await assistant.PostAsJsonAsync($"/api/budgets/{id}/adjustments", new
        {
            reason = "第二条",
            lines = new[] { new { category = "pr", month = 4, personId = (Guid?)null, delta = 1m } },
        })).Problem(HttpStatusCode.Conflict); // one under review at a time
        var pending = await (await assistant.GetAsync($"/api/budgets/{id}")).Ok<JsonObject>();
        Assert.Equal(600_000m, (decimal)pending["total"]!); // nothing changes before it is approved
        var adjustment = pending["adjustments"]![0]!;
        Assert.Equal(0m, (decimal)adjustment["net"]!);
        await Budgets.Approve(head, (string)adjustment["approvalId"]!);
        var adjusted = await (await head.GetAsync($"/api/budgets/{id}")).Ok<JsonObject>();
        Assert.Equal(600_000m, (decimal)adjusted["total"]!);
        var pr = adjusted["categories"]!.AsArray().Single(c => (string?)c!["category"] == "pr")!;
        var travel = adjusted["categories"]!.AsArray().Single(c => (string?)c!["category"] == "travel")!;
        Assert.Equal((35_000m, 475_000m), ((decimal)pr["months"]![2]!, (decimal)pr["amount"]!));
        Assert.Equal((15_000m, 125_000m), ((decimal)travel["months"]![2]!, (decimal)travel["amount"]!));
        Assert.Equal(3_000m, (decimal)travel["people"]![0]!["months"]![2]!);
        Assert.Equal("Approved", (string?)adjusted["adjustments"]![0]!["status"]);
    }

    [Fact]
    public async Task A_claim_over_a_blocking_budget_is_refused_with_what_remains_and_two_at_once_cannot_overspend()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var category = await Budgets.Category(assistant, head, "Block", 1_000m);

        var first = await Budgets.Draft(am1, Budgets.Line(category, 600m));
        await (await Budgets.Submit(am1, first)).Ok<JsonObject>();
        // 600 committed of 1,000: 500 more is refused, naming the 400 that remain.
        var second = await Budgets.Draft(am1, Budgets.Line(category, 500m));
        var refused = await (await Budgets.Submit(am1, second)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("¥400.00", (string?)refused["errors"]!["lines[0].amount"]![0]);
        Assert.Equal("Draft", (string?)(await (await am1.GetAsync($"/api/expense-claims/{second["id"]}")).Ok<JsonObject>())["status"]);

        // Two claims of 300 submitted at the same moment against the 400 left: one wins, the other is refused or
        // meets the winner's change (409); never both.
        var a = await Budgets.Draft(am1, Budgets.Line(category, 300m));
        var b = await Budgets.Draft(am2, Budgets.Line(category, 300m));
        var results = await Task.WhenAll(Budgets.Submit(am1, a), Budgets.Submit(am2, b));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.Conflict }));
        var row = await Budgets.Execution(head, category);
        Assert.Equal((1_000m, 900m, 0m, 100m), ((decimal)row["budget"]!, (decimal)row["committed"]!, (decimal)row["used"]!, (decimal)row["remaining"]!));

        // 900 of 1,000 crossed the category's 80% alert: the head was told once, with the category and the month.
        var notes = await (await head.GetAsync("/api/notifications?pageSize=200")).ReadJson();
        var alerts = notes["items"]!.AsArray().Where(n => (string?)n!["kind"] == "notify.budget_alert" && ((string?)n["subject"])!.Contains("测试科目" + category[1..5])).ToList();
        Assert.Single(alerts);
        Assert.Contains("预算预警", (string?)alerts[0]!["text"]);
    }

    [Fact]
    public async Task Over_an_escalating_budget_the_executive_approves_too_and_that_step_cannot_be_delegated_a_warning_budget_needs_a_justification()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        using var am1 = await app.As("am1");
        var escalating = await Budgets.Category(assistant, head, "Escalate", 1_000m);
        var warning = await Budgets.Category(assistant, head, "Warn", 1_000m);

        // Within budget: the head alone.
        var within = await Budgets.Draft(am1, Budgets.Line(escalating, 200m));
        var withinView = await (await Budgets.Submit(am1, within)).Ok<JsonObject>();
        var withinApproval = await (await head.GetAsync($"/api/approvals/{withinView["approvalId"]}")).Ok<JsonObject>();
        Assert.Single(withinApproval["steps"]!.AsArray());

        // Past it: the head, then the executive for the overrun, whom the head cannot replace.
        var over = await Budgets.Draft(am1, Budgets.Line(escalating, 1_500m));
        var overView = await (await Budgets.Submit(am1, over)).Ok<JsonObject>();
        var approvalId = (string)overView["approvalId"]!;
        var steps = (await (await head.GetAsync($"/api/approvals/{approvalId}")).Ok<JsonObject>())["steps"]!.AsArray();
        Assert.Equal(["Head", "Executive"], steps.Select(s => (string)s!["approverRole"]!).ToArray());
        Assert.Equal("over_budget", (string?)steps[1]!["reason"]);
        Assert.Contains(overView["warnings"]!.AsArray(), w => (string?)w!["code"] == "expense.warn_over_budget");
        await Budgets.Approve(head, approvalId);
        var assistantId = await UserId("assistant");
        var delegated = await (await head.PostAsJsonAsync($"/api/approvals/{approvalId}/delegate", new { userId = assistantId, reason = "出差" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal("approval.not_delegable", (string?)delegated["code"]);
        Assert.Equal("Submitted", (string?)(await (await am1.GetAsync($"/api/expense-claims/{over["id"]}")).Ok<JsonObject>())["status"]);
        await Budgets.Approve(exec, approvalId);
        Assert.Equal("Approved", (string?)(await (await am1.GetAsync($"/api/expense-claims/{over["id"]}")).Ok<JsonObject>())["status"]);

        // A warning category past its budget asks for a justification, then goes to the head as usual.
        var warned = await Budgets.Draft(am1, Budgets.Line(warning, 1_200m));
        var needsReason = await (await Budgets.Submit(am1, warned)).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(needsReason["errors"]!["justification"]);
        var justified = await (await Budgets.Submit(am1, warned, "客户年会临时增加接待")).Ok<JsonObject>();
        Assert.Equal(("Submitted", "客户年会临时增加接待"), ((string?)justified["status"], (string?)justified["justification"]));
    }

    [Fact]
    public async Task Execution_figures_are_exact_after_approve_reject_pay_and_an_adjustment()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var category = await Budgets.Category(assistant, head, "Warn", 1_000m);
        var account = await Accounts.Create(am1);
        var accountId = Guid.Parse((string)account["id"]!);

        var kept = await Budgets.Draft(am1, Budgets.Line(category, 300.10m, accountId), Budgets.Line(category, 0.15m));
        var keptView = await (await Budgets.Submit(am1, kept)).Ok<JsonObject>();
        Assert.Equal((300.25m, 0m), ((decimal)(await Budgets.Execution(head, category))["committed"]!, 0m));
        var dropped = await Budgets.Draft(am1, Budgets.Line(category, 200m));
        var droppedView = await (await Budgets.Submit(am1, dropped)).Ok<JsonObject>();
        Assert.Equal(500.25m, (decimal)(await Budgets.Execution(head, category))["committed"]!);

        // The approver sees the budget of the line's month before this claim, and the account's spend this year.
        var seen = await (await head.GetAsync($"/api/expense-claims/{kept["id"]}")).Ok<JsonObject>();
        var cell = seen["budget"]!.AsArray().Single()!;
        Assert.Equal((1_000m, 200m, 0m, 800m, 300.25m), ((decimal)cell["budget"]!, (decimal)cell["committed"]!, (decimal)cell["used"]!, (decimal)cell["remaining"]!, (decimal)cell["thisClaim"]!));
        Assert.Empty((await (await am1.GetAsync($"/api/expense-claims/{kept["id"]}")).Ok<JsonObject>())["budget"]!.AsArray()); // not the claimant's to see

        await Budgets.Approve(head, (string)keptView["approvalId"]!);
        (await head.PostAsJsonAsync($"/api/approvals/{droppedView["approvalId"]}/reject", new { comment = "请附发票" })).EnsureSuccessStatusCode();
        var row = await Budgets.Execution(head, category);
        Assert.Equal((0m, 300.25m, 699.75m), ((decimal)row["committed"]!, (decimal)row["used"]!, (decimal)row["remaining"]!));
        Assert.Equal("Rejected", (string?)(await (await am1.GetAsync($"/api/expense-claims/{dropped["id"]}")).Ok<JsonObject>())["status"]);

        // Paid: still used once. Only the assistant or the head pays, only an approved claim, with a date and a reference.
        var approved = await (await assistant.GetAsync($"/api/expense-claims/{kept["id"]}")).Ok<JsonObject>();
        Assert.True((bool)approved["mayPay"]!);
        await (await am1.PostAsJsonAsync($"/api/expense-claims/{kept["id"]}/pay", new { paidOn = Budgets.Today.ToString("yyyy-MM-dd"), reference = "X" })).Problem(HttpStatusCode.Forbidden);
        var noReference = await (await assistant.PostAsJsonAsync($"/api/expense-claims/{kept["id"]}/pay", new { paidOn = Budgets.Today.AddDays(1).ToString("yyyy-MM-dd") }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(noReference["errors"]!["paidOn"]);
        Assert.NotNull(noReference["errors"]!["reference"]);
        var paid = await (await assistant.PostAsJsonAsync($"/api/expense-claims/{kept["id"]}/pay", new { version = approved["version"], paidOn = Budgets.Today.ToString("yyyy-MM-dd"), reference = "付款-0091" }))
            .Ok<JsonObject>();
        Assert.Equal(("Paid", "付款-0091"), ((string?)paid["status"], (string?)paid["paymentReference"]));
        // The payout list for the finance department: the paid claim with its claimant, amount and reference.
        var export = await assistant.GetAsync($"/api/expense-claims/export?search={kept["number"]}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using (var sheet = new MemoryStream(await export.Content.ReadAsByteArrayAsync()))
        {
            var payout = Assert.Single(MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal(((string?)kept["number"], "张伟", "付款-0091"), (payout[Sheet.Zh("claim.number")]?.ToString(), payout[Sheet.Zh("claim.claimant")]?.ToString(),
                payout[Sheet.Zh("claim.reference")]?.ToString()));
            Assert.Equal(300.25m, Convert.ToDecimal(payout[Sheet.Zh("claim.total")], System.Globalization.CultureInfo.InvariantCulture));
        }
        await (await assistant.PostAsJsonAsync($"/api/expense-claims/{kept["id"]}/pay", new { paidOn = Budgets.Today.ToString("yyyy-MM-dd"), reference = "again" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(300.25m, (decimal)(await Budgets.Execution(head, category))["used"]!);

        // Adding 500 to the month through an adjustment: the budget grows, what is used stays.
        await Budgets.Give(assistant, head, await Budgets.CurrentYear(assistant, head), category, 500m);
        row = await Budgets.Execution(head, category);
        Assert.Equal((1_500m, 300.25m, 1_199.75m), ((decimal)row["budget"]!, (decimal)row["used"]!, (decimal)row["remaining"]!));

        // The approved line on the account is in the ledger: cost per account shows it against the account's results.
        var cost = await (await head.GetAsync($"/api/budgets/cost?year={Budgets.Today.Year}&by=account&pageSize=200")).Ok<JsonObject>();
        Assert.Equal(300.10m, (decimal)cost["rows"]!.AsArray().Single(r => (string?)r!["id"] == accountId.ToString())!["spent"]!);
    }

    [Fact]
    public async Task An_invoice_is_claimed_once_ever_a_gift_names_its_account_and_dates_are_checked()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var category = await Budgets.Category(assistant, head, "Warn", 10_000m);
        var invoice = Budgets.Invoice();

        var first = await Budgets.Draft(am1, Budgets.Line(category, 88m, invoice: invoice));
        var firstView = await (await Budgets.Submit(am1, first)).Ok<JsonObject>();
        await Budgets.Approve(head, (string)firstView["approvalId"]!);
        var approved = await (await assistant.GetAsync($"/api/expense-claims/{first["id"]}")).Ok<JsonObject>();
        await (await assistant.PostAsJsonAsync($"/api/expense-claims/{first["id"]}/pay", new { version = approved["version"], paidOn = Budgets.Today.ToString("yyyy-MM-dd"), reference = "P-1" }))
            .Ok<JsonObject>();

        // The same invoice again, even written with spaces, after the first was paid: refused, naming the earlier claim
        // to whoever may see it (am1 their own), not to another claimant.
        var again = await (await am1.PostAsJsonAsync("/api/expense-claims", new { title = "重复", lines = new[] { Budgets.Line(category, 88m, invoice: invoice[..10] + " " + invoice[10..]) } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains((string)first["number"]!, (string?)again["errors"]!["lines[0].invoiceNumber"]![0]);
        var other = await (await am2.PostAsJsonAsync("/api/expense-claims", new { title = "重复", lines = new[] { Budgets.Line(category, 88m, invoice: invoice) } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.DoesNotContain((string)first["number"]!, (string?)other["errors"]!["lines[0].invoiceNumber"]![0]);

        var bad = await (await am1.PostAsJsonAsync("/api/expense-claims", new
        {
            title = "检查",
            lines = new object[]
            {
                Budgets.Line("gifts", 100m),
                Budgets.Line(category, 10m, date: Budgets.Today.AddDays(1)),
                Budgets.Line(category, 10m, date: Budgets.Today.AddDays(-120)),
                Budgets.Line(category, 10m, invoice: "12345678"),
                Budgets.Line(category, -5m),
            },
        })).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "lines[0].accountId", "lines[1].date", "lines[2].date", "lines[3].invoiceNumber", "lines[4].amount" })
            Assert.True(bad["errors"]![field] is not null, field);
        Assert.Contains("发票代码", (string?)bad["errors"]!["lines[3].invoiceNumber"]![0]);
        // The older kind of invoice with its code is fine.
        var old = await Budgets.Draft(am1, new { date = Budgets.Today.ToString("yyyy-MM-dd"), category, amount = 12m, description = "出租车", invoiceCode = "044031900111", invoiceNumber = "1234" + Random.Shared.Next(1000, 9999) });
        Assert.Equal(12m, (decimal)old["total"]!);
    }

    [Fact]
    public async Task A_claimant_sees_their_own_claims_only_edits_them_while_open_and_never_approves_them()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var category = await Budgets.Category(assistant, head, "Warn", 10_000m);
        var claim = await Budgets.Draft(am1, Budgets.Line(category, 66m));
        var id = (string)claim["id"]!;
        Assert.Matches(@"^BX-\d{4}-\d{6}$", (string?)claim["number"]);

        await (await am2.GetAsync($"/api/expense-claims/{id}")).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await am2.GetAsync("/api/expense-claims?pageSize=200")).Ok<JsonObject>())["items"]!.AsArray(), r => (string?)r!["id"] == id);
        Assert.Contains((await (await head.GetAsync($"/api/expense-claims?search={claim["number"]}")).Ok<JsonObject>())["items"]!.AsArray(), r => (string?)r!["id"] == id);
        await (await head.PutAsJsonAsync($"/api/expense-claims/{id}", new { title = "改", lines = new[] { Budgets.Line(category, 1m) }, version = claim["version"] }))
            .Problem(HttpStatusCode.Forbidden);
        await (await am1.PutAsJsonAsync($"/api/expense-claims/{id}", new { title = "改", lines = new[] { Budgets.Line(category, 1m) }, version = Guid.NewGuid() }))
            .Problem(HttpStatusCode.Conflict);
        var edited = await (await am1.PutAsJsonAsync($"/api/expense-claims/{id}", new { title = "客户拜访费用（改）", lines = new[] { Budgets.Line(category, 77m) }, version = claim["version"] }))
            .Ok<JsonObject>();
        Assert.Equal(77m, (decimal)edited["total"]!);

        var submitted = await (await Budgets.Submit(am1, edited)).Ok<JsonObject>();
        await (await am1.PutAsJsonAsync($"/api/expense-claims/{id}", new { title = "再改", lines = new[] { Budgets.Line(category, 1m) }, version = submitted["version"] }))
            .Problem(HttpStatusCode.Conflict);
        await (await am1.PostAsJsonAsync($"/api/approvals/{submitted["approvalId"]}/approve", new { comment = "自己批" })).Problem(HttpStatusCode.Forbidden);

        // A receipt: the claimant uploads while it is open; a locked claim takes none; another person cannot read it.
        var draft = await Budgets.Draft(am1, Budgets.Line(category, 5m));
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
        var receipt = await (await am1.PostAsync($"/api/expense-claims/{draft["id"]}/receipts", Uploads.File("发票.png", png, "image/png"))).Ok<JsonObject>(HttpStatusCode.Created);
        await (await am1.PostAsync($"/api/expense-claims/{draft["id"]}/receipts", Uploads.File("fake.png", [1, 2, 3, 4, 5, 6, 7, 8, 9], "image/png"))).Problem(HttpStatusCode.BadRequest);
        await (await am1.PostAsync($"/api/expense-claims/{id}/receipts", Uploads.File("late.png", png, "image/png"))).Problem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await am1.GetAsync($"/api/expense-receipts/{receipt["id"]}")).StatusCode);
        await (await am2.GetAsync($"/api/expense-receipts/{receipt["id"]}")).Problem(HttpStatusCode.NotFound);
        var withReceipt = await (await am1.PutAsJsonAsync($"/api/expense-claims/{draft["id"]}", new
        {
            title = "带票据",
            lines = new[] { new { date = Budgets.Today.ToString("yyyy-MM-dd"), category, amount = 5m, description = "停车费", receiptId = receipt["id"] } },
            version = draft["version"],
        })).Ok<JsonObject>();
        Assert.Equal("发票.png", (string?)withReceipt["lines"]![0]!["receiptName"]);
    }

    [Fact]
    public async Task A_trip_above_the_travel_standard_of_its_city_needs_a_justification_and_is_flagged_to_the_approver()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var travel = await Budgets.Category(assistant, head, "Warn", 10_000m, travel: true);
        var standards = await (await am1.GetAsync("/api/expense-standards")).Ok<JsonObject>();
        Assert.Contains("北京", standards["firstTier"]!.AsArray().Select(c => (string)c!));
        await (await am1.PutAsJsonAsync("/api/expense-standards", new { firstTier = new[] { "北京" }, secondTier = Array.Empty<string>(), rates = Array.Empty<object>() }))
            .Problem(HttpStatusCode.Forbidden);

        // An account manager in Beijing for one night: 500 hotel and 2 days of 100 allowance, 700 at most.
        object Trip(decimal amount, string city) => new { date = Budgets.Today.ToString("yyyy-MM-dd"), category = travel, amount, description = "出差拜访", city, nights = 1 };
        var within = await Budgets.Draft(am1, Trip(700m, "北京市"));
        Assert.Empty((await (await Budgets.Submit(am1, within)).Ok<JsonObject>())["warnings"]!.AsArray());
        var above = await Budgets.Draft(am1, Trip(800m, "北京"));
        var refused = await (await Budgets.Submit(am1, above)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("¥700.00", (string?)refused["errors"]!["justification"]![0]);
        var submitted = await (await Budgets.Submit(am1, above, "旺季酒店涨价")).Ok<JsonObject>();
        Assert.Contains(submitted["warnings"]!.AsArray(), w => (string?)w!["code"] == "expense.warn_over_standard");
        // 500 in a city of no tier is above its standard: 300 for the night and 2 days of 60.
        var elsewhere = await Budgets.Draft(am1, Trip(500m, "玉溪"));
        var far = await (await Budgets.Submit(am1, elsewhere)).Problem(HttpStatusCode.BadRequest);
        Assert.Contains("¥420.00", (string?)far["errors"]!["justification"]![0]);
    }

    [Fact]
    public async Task A_pr_activity_is_planned_approved_paid_for_by_claims_and_its_outcome_recorded()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var category = await Budgets.Category(assistant, head, "Warn", 10_000m);
        var account = await Accounts.Create(am1);
        var body = new
        {
            title = "设计院产品推介会",
            kind = "PublicRelations",
            purpose = "向设计院推介新品，争取进入项目选型",
            audience = "设计院总工、项目负责人",
            date = Budgets.Today.ToString("yyyy-MM-dd"),
            accountIds = new[] { account["id"] },
            costs = new[] { new { category, amount = 3_000m }, new { category = "gifts", amount = 1_000m } },
        };
        await (await am1.PostAsJsonAsync("/api/activities", body)).Problem(HttpStatusCode.Forbidden);
        var bad = await (await assistant.PostAsJsonAsync("/api/activities", new { title = "", kind = "PublicRelations", costs = Array.Empty<object>() })).Problem(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "purpose", "date", "costs" })
            Assert.True(bad["errors"]![field] is not null, field);
        var created = await (await assistant.PostAsJsonAsync("/api/activities", body)).Ok<JsonObject>(HttpStatusCode.Created);
        var id = (string)created["id"]!;
        Assert.Equal(4_000m, (decimal)created["plannedTotal"]!);

        // Not approved yet: no claim may pay for it.
        var early = await (await am1.PostAsJsonAsync("/api/expense-claims", new { title = "推介会", lines = new[] { new { date = Budgets.Today.ToString("yyyy-MM-dd"), category, amount = 100m, description = "场地", activityId = id } } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(early["errors"]!["lines[0].activityId"]);
        var submitted = await (await assistant.PostAsJsonAsync($"/api/activities/{id}/submit", new { version = created["version"] })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)submitted["status"]);
        await Budgets.Approve(head, (string)submitted["approvalId"]!);

        var claim = await Budgets.Draft(am1, new { date = Budgets.Today.ToString("yyyy-MM-dd"), category, amount = 3_200m, description = "场地及茶歇", activityId = id });
        var claimView = await (await Budgets.Submit(am1, claim)).Ok<JsonObject>();
        Assert.Equal("设计院产品推介会", (string?)claimView["lines"]![0]!["activityTitle"]);
        Assert.Equal(0m, (decimal)(await (await head.GetAsync($"/api/activities/{id}")).Ok<JsonObject>())["actualTotal"]!); // counted once approved
        await Budgets.Approve(head, (string)claimView["approvalId"]!);
        var held = await (await am1.GetAsync($"/api/activities/{id}")).Ok<JsonObject>();
        Assert.Equal(3_200m, (decimal)held["actualTotal"]!);
        var row = held["costs"]!.AsArray().Single(c => (string?)c!["category"] == category)!;
        Assert.Equal((3_000m, 3_200m), ((decimal)row["planned"]!, (decimal)row["actual"]!));

        await (await am1.PostAsJsonAsync($"/api/activities/{id}/outcome", new { outcome = "三家设计院同意选型" })).Problem(HttpStatusCode.Forbidden);
        await (await assistant.PostAsJsonAsync($"/api/activities/{id}/outcome", new { outcome = "" })).Problem(HttpStatusCode.BadRequest);
        var done = await (await assistant.PostAsJsonAsync($"/api/activities/{id}/outcome", new { outcome = "三家设计院同意将新品纳入选型" })).Ok<JsonObject>();
        Assert.Equal("Done", (string?)done["status"]);
        var listed = await (await am1.GetAsync($"/api/activities?year={Budgets.Today.Year}&pageSize=200")).Ok<JsonObject>();
        Assert.Contains(listed["items"]!.AsArray(), r => (string?)r!["id"] == id && (decimal)r["actual"]! == 3_200m);
    }

    [Fact]
    public async Task A_claimant_cancels_a_rejected_claim_which_stays_and_frees_its_invoices_and_the_budget_pages_export()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var category = await Budgets.Category(assistant, head, "Warn", 10_000m);
        var invoice = Budgets.Invoice();
        var claim = await Budgets.Draft(am1, Budgets.Line(category, 55m, invoice: invoice));
        var submitted = await (await Budgets.Submit(am1, claim)).Ok<JsonObject>();
        (await head.PostAsJsonAsync($"/api/approvals/{submitted["approvalId"]}/reject", new { comment = "发票抬头不对" })).EnsureSuccessStatusCode();
        var rejected = await (await am1.GetAsync($"/api/expense-claims/{claim["id"]}")).Ok<JsonObject>();

        await (await am2.PostAsJsonAsync($"/api/expense-claims/{claim["id"]}/cancel", new { })).Problem(HttpStatusCode.NotFound);
        await (await head.PostAsJsonAsync($"/api/expense-claims/{claim["id"]}/cancel", new { })).Problem(HttpStatusCode.Forbidden);
        var cancelled = await (await am1.PostAsJsonAsync($"/api/expense-claims/{claim["id"]}/cancel", new { version = rejected["version"] })).Ok<JsonObject>();
        Assert.Equal("Cancelled", (string?)cancelled["status"]);
        await (await am1.PostAsJsonAsync($"/api/expense-claims/{claim["id"]}/cancel", new { })).Problem(HttpStatusCode.Conflict);
        // Its invoice may be claimed again, on a new claim.
        Assert.Equal(55m, (decimal)(await Budgets.Draft(am1, Budgets.Line(category, 55m, invoice: invoice)))["total"]!);

        // The budget pages' lists export; a budget one cannot see does not.
        var execution = await head.GetAsync($"/api/budgets/execution/export?year={Budgets.Today.Year}&groupBy=category");
        Assert.Equal(HttpStatusCode.OK, execution.StatusCode);
        using (var sheet = new MemoryStream(await execution.Content.ReadAsByteArrayAsync()))
            Assert.Contains(MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => r[Sheet.Zh("execution.by_category")]?.ToString() == "测试科目" + category[1..5]);
        await (await head.GetAsync("/api/budgets/execution/export?year=1")).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/api/activities/export")).StatusCode);
        var budget = await Budgets.CurrentYear(assistant, head);
        Assert.Equal(HttpStatusCode.OK, (await assistant.GetAsync($"/api/budgets/{budget}/export")).StatusCode);
        await (await am2.GetAsync($"/api/budgets/{Guid.NewGuid()}/export")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_heads_own_claim_goes_to_the_executive_and_the_account_shows_what_was_spent_on_it()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        using var am1 = await app.As("am1");
        using var am2 = await app.As("am2");
        var category = await Budgets.Category(assistant, head, "Warn", 10_000m);
        var account = await Accounts.Create(am1);

        // The department has one head: their own claim cannot wait for a head other than them, it goes up a level.
        var claim = await Budgets.Draft(head, Budgets.Line(category, 88m, accountId: (Guid)account["id"]!));
        var submitted = await (await Budgets.Submit(head, claim)).Ok<JsonObject>();
        var approval = await (await exec.GetAsync($"/api/approvals/{submitted["approvalId"]}")).Ok<JsonObject>();
        Assert.Equal(["Executive"], approval["steps"]!.AsArray().Select(s => (string)s!["approverRole"]!).ToArray());
        Assert.Equal("author_holds_role", (string?)approval["steps"]![0]!["reason"]);
        await Budgets.Approve(exec, (string)submitted["approvalId"]!);
        Assert.Equal("Approved", (string?)(await (await head.GetAsync($"/api/expense-claims/{claim["id"]}")).Ok<JsonObject>())["status"]);
        // An account manager's claim still goes to the head.
        var mine = await (await Budgets.Submit(am1, await Budgets.Draft(am1, Budgets.Line(category, 12m, accountId: (Guid)account["id"]!)))).Ok<JsonObject>();
        var theirs = await (await head.GetAsync($"/api/approvals/{mine["approvalId"]}")).Ok<JsonObject>();
        Assert.Equal(["Head"], theirs["steps"]!.AsArray().Select(s => (string)s!["approverRole"]!).ToArray());
        await Budgets.Approve(head, (string)mine["approvalId"]!);

        // The account's expenses: the year's spend from the ledger, and the lines the reader may see (the head all,
        // the owner their own); an account one cannot see is not there.
        var forHead = await (await head.GetAsync($"/api/expense-claims/by-account/{account["id"]}")).Ok<JsonObject>();
        Assert.Equal(100m, (decimal)forHead["spent"]!);
        Assert.Equal(2, (int)forHead["lines"]!["total"]!);
        Assert.Equal((string?)claim["number"], (string?)forHead["lines"]!["items"]!.AsArray().Single(l => (decimal)l!["amount"]! == 88m)!["claimNumber"]);
        var forOwner = await (await am1.GetAsync($"/api/expense-claims/by-account/{account["id"]}")).Ok<JsonObject>();
        Assert.Equal(100m, (decimal)forOwner["spent"]!);
        Assert.Equal([12m], forOwner["lines"]!["items"]!.AsArray().Select(l => (decimal)l!["amount"]!).ToArray());
        await (await am2.GetAsync($"/api/expense-claims/by-account/{account["id"]}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task How_old_a_receipt_may_be_is_the_heads_setting()
    {
        using var head = await app.As("head");
        using var assistant = await app.As("assistant");
        using var am1 = await app.As("am1");
        var category = await Budgets.Category(assistant, head, "Warn", 10_000m);
        var standards = await (await head.GetAsync("/api/expense-standards")).Ok<JsonObject>();
        Assert.Equal(90, (int)standards["maxAgeDays"]!);
        object Input(JsonObject current, int days) => new { firstTier = current["firstTier"], secondTier = current["secondTier"], rates = current["rates"], version = current["version"], maxAgeDays = days };
        var bad = await (await head.PutAsJsonAsync("/api/expense-standards", Input(standards, 0))).Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["maxAgeDays"]);
        await (await am1.PutAsJsonAsync("/api/expense-standards", Input(standards, 30))).Problem(HttpStatusCode.Forbidden);
        var strict = await (await head.PutAsJsonAsync("/api/expense-standards", Input(standards, 30))).Ok<JsonObject>();
        try
        {
            Assert.Equal(30, (int)strict["maxAgeDays"]!);
            var old = await (await am1.PostAsJsonAsync("/api/expense-claims", new { title = "旧票", lines = new[] { Budgets.Line(category, 10m, date: Budgets.Today.AddDays(-45)) } }))
                .Problem(HttpStatusCode.BadRequest);
            Assert.NotNull(old["errors"]!["lines[0].date"]);
            await Budgets.Draft(am1, Budgets.Line(category, 10m, date: Budgets.Today.AddDays(-20)));
        }
        finally
        {
            var now = await (await head.GetAsync("/api/expense-standards")).Ok<JsonObject>();
            (await head.PutAsJsonAsync("/api/expense-standards", Input(now, 90))).EnsureSuccessStatusCode();
        }
    }
}
