using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Commission;
using Kam.Core.Payments;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Web.Tests;

/// <summary>
/// The monthly commission run (提成核算) on real payments: a snapshot that a late payment does not change once approved
/// (it goes into the next month), a reversal next month taken back exactly, every statement's lines adding up to its
/// total, the person reading only their own statement and asking about a line, the payout sheet for the department only,
/// and the calculator. The scheme starts in a month of its own, far from the demo's.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CommissionApiTests(KamFactory app)
{
    private static readonly DateOnly May = new(2031, 5, 1);

    private async Task<Kam.Core.Common.Result<T>> As<T>(string user, DateOnly day, Func<SystemScope, Microsoft.Extensions.Time.Testing.FakeTimeProvider, Task<Kam.Core.Common.Result<T>>> act)
    {
        await using var scope = await SystemScope.As(app, user);
        return await act(scope, SystemScope.At(day, 10));
    }

    private async Task<Guid> Pay(string user, Guid instalment, DateOnly on, decimal amount)
    {
        var paid = await As(user, on, (s, clock) => s.Build<RecordPayment>(clock)
            .Create(new PaymentInput { InstalmentId = instalment, ReceivedOn = on, Amount = amount, Method = PaymentMethod.BankTransfer }));
        Assert.True(paid.IsSuccess, paid.Error?.Code);
        return paid.Value;
    }

    private async Task<JsonObject> Run(string period, DateOnly on)
    {
        var created = await As("assistant", on, (s, clock) => s.Build<CommissionRuns>(clock).Create(new RunInput(period)));
        Assert.True(created.IsSuccess, created.Error?.Code);
        using var assistant = await app.As("assistant");
        return await (await assistant.GetAsync($"/api/commission-runs/{created.Value}")).Ok<JsonObject>();
    }

    private static async Task Approve(HttpClient client, JsonNode? approvalId) =>
        (await client.PostAsJsonAsync($"/api/approvals/{approvalId}/approve", new { comment = "同意" })).EnsureSuccessStatusCode();

    [Fact]
    public async Task An_approved_run_is_a_snapshot_late_payments_go_into_the_next_month_and_a_reversal_is_taken_back_exactly()
    {
        using var head = await app.As("head");
        using var exec = await app.As("exec");
        using var assistant = await app.As("assistant");
        using var am1 = await app.As("am1");

        // The scheme: 2% flat on collections, the appraisal left out; weights of a bad scheme are refused first.
        var bad = await (await head.PostAsJsonAsync("/api/commission-schemes", new { name = "提成", fromMonth = "2031-05", definition = new { @base = "Collected", mode = "Brackets", brackets = new[] { new { from = 100, rate = 1 } } } }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["definition.brackets"]);
        await (await am1.PostAsJsonAsync("/api/commission-schemes", new { name = "提成", fromMonth = "2031-05", definition = new { @base = "Collected", mode = "Flat", rate = 2 } }))
            .Problem(HttpStatusCode.Forbidden);
        var scheme = await (await assistant.PostAsJsonAsync("/api/commission-schemes", new { name = "外勤提成 2031", fromMonth = "2031-05", definition = new { @base = "Collected", mode = "Flat", rate = 2, coefficient = "Off" } }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var submitted = await (await assistant.PostAsJsonAsync($"/api/commission-schemes/{scheme["id"]}/submit", new { version = scheme["version"] })).Ok<JsonObject>();
        await Approve(exec, submitted["approvalId"]);

        var userName = await Users.Create(app, "pay");
        using var am = await app.WithPassword(userName, Users.Password);
        var me = Guid.Parse((string)(await (await am.GetAsync("/api/me")).ReadJson())["id"]!);
        var account = await PaymentData.AccountOf(am);
        var (_, instalment) = await PaymentData.Order(app, account, 200_000m, new DateOnly(2031, 6, 30));
        var first = await Pay(userName, instalment, new DateOnly(2031, 5, 10), 50_000m);

        // May, run on 2 June: 50,000 × 2% = 1,000.00.
        var run = await Run("2031-05", new DateOnly(2031, 6, 2));
        var mine = run["statements"]!.AsArray().Single(s => (Guid)s!["personId"]! == me)!;
        Assert.Equal((50_000m, 1_000.00m), ((decimal)mine["base"]!, (decimal)mine["total"]!));
        // A payment entered before approval: the rerun is a new version that says what changed for whom.
        await Pay(userName, instalment, new DateOnly(2031, 5, 20), 10_000m);
        var rerun = await Run("2031-05", new DateOnly(2031, 6, 3));
        Assert.Equal((int)run["number"]! + 1, (int)rerun["number"]!);
        var change = rerun["changes"]!.AsArray().Single(c => (Guid)c!["personId"]! == me)!;
        Assert.Equal((1_000.00m, 1_200.00m), ((decimal)change["before"]!, (decimal)change["after"]!));
        Assert.Equal("Superseded", (string?)(await (await assistant.GetAsync($"/api/commission-runs/{run["id"]}")).Ok<JsonObject>())["status"]);

        // The assistant submits; the head, then the executive, approve: locked.
        var review = await (await assistant.PostAsJsonAsync($"/api/commission-runs/{rerun["id"]}/submit", new { version = rerun["version"] })).Ok<JsonObject>();
        Assert.Equal("UnderReview", (string?)review["status"]);
        await Approve(head, review["approvalId"]);
        await Approve(exec, review["approvalId"]);
        var statementUrl = $"/api/commission-runs/{rerun["id"]}/statements/{me}";
        var statement = await (await am.GetAsync(statementUrl)).Ok<JsonObject>();
        Assert.Equal(("Approved", 1_200.00m), ((string?)statement["runStatus"], (decimal)statement["statement"]!["total"]!));
        Assert.Contains("¥50,000.00", (string)statement["lines"]![0]!["explanation"]!, StringComparison.Ordinal);

        // A late payment for May after approval changes nothing in May; May cannot be run again.
        var late = await Pay(userName, instalment, new DateOnly(2031, 5, 25), 5_000m);
        Assert.Equal(1_200.00m, (decimal)(await (await am.GetAsync(statementUrl)).Ok<JsonObject>())["statement"]!["total"]!);
        var again = await As("assistant", new DateOnly(2031, 6, 10), (s, clock) => s.Build<CommissionRuns>(clock).Create(new RunInput("2031-05")));
        Assert.Equal("commission.month_locked", again.Error?.Code);

        // In June the first payment is reversed: June takes back exactly the 1,000.00 it earned, and counts the late 5,000.
        await using (var scope = await SystemScope.As(app, userName))
        {
            var version = await scope.Db.Unscoped<Payment>().Where(p => p.Id == first).Select(p => p.Version).SingleAsync();
            var reversed = await scope.Build<RecordPayment>(SystemScope.At(new DateOnly(2031, 6, 15), 11)).Reverse(first, new PaymentReversalInput("客户退票", version));
            Assert.True(reversed.IsSuccess, reversed.Error?.Code);
        }
        var june = await Run("2031-06", new DateOnly(2031, 7, 2));
        var juneStatement = await (await head.GetAsync($"/api/commission-runs/{june["id"]}/statements/{me}")).Ok<JsonObject>();
        var lines = juneStatement["lines"]!.AsArray();
        Assert.Equal(["Base", "Clawback"], lines.Select(l => (string)l!["kind"]!).ToArray());
        Assert.Equal((100.00m, -1_000.00m, -900.00m), ((decimal)lines[0]!["amount"]!, (decimal)lines[1]!["amount"]!, (decimal)juneStatement["statement"]!["total"]!));
        Assert.Equal(late, (Guid)lines[0]!["sourceId"]!);
        Assert.Contains("2031-05-25", (string)lines[0]!["explanation"]!, StringComparison.Ordinal);

        // Every statement of the runs adds up to its total to the fen.
        foreach (var id in new[] { rerun["id"], june["id"] })
        {
            foreach (var s in await app.Read(db => db.Unscoped<CommissionStatement>().Where(x => x.RunId == (Guid)id!).ToListAsync()))
            {
                var sum = await app.Read(db => db.Unscoped<CommissionLine>().Where(l => l.StatementId == s.Id).Select(l => l.Amount).ToListAsync());
                Assert.Equal(s.Total, sum.Sum());
            }
        }

        // Another manager sees neither the statement nor the others' totals; the payout sheet is the department's.
        await (await am1.GetAsync(statementUrl)).Problem(HttpStatusCode.NotFound);
        Assert.DoesNotContain(me.ToString(), await (await am1.GetAsync($"/api/commission-runs/{rerun["id"]}")).Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        await (await am1.GetAsync($"/api/commission-runs/{rerun["id"]}/export")).Problem(HttpStatusCode.Forbidden);
        var sheet = await assistant.GetAsync($"/api/commission-runs/{rerun["id"]}/export");
        Assert.Equal(HttpStatusCode.OK, sheet.StatusCode);
        using (var stream = new MemoryStream(await sheet.Content.ReadAsByteArrayAsync()))
            Assert.Contains(stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>(), r => Equals(r["人员"], "测试pay") && Convert.ToDecimal(r["应发提成"]) == 1_200m);

        // The person asks about a line; the head answers; nobody else asks on their behalf.
        var lineId = statement["lines"]![0]!["id"];
        await (await head.PostAsJsonAsync($"{statementUrl}/questions", new { lineId, text = "代问" })).Problem(HttpStatusCode.Forbidden);
        var asked = await (await am.PostAsJsonAsync($"{statementUrl}/questions", new { lineId, text = "这笔回款是否含税？" })).Ok<JsonObject>();
        var question = asked["questions"]![0]!;
        await (await am.PostAsJsonAsync($"/api/commission-questions/{question["id"]}/answer", new { answer = "自答" })).Problem(HttpStatusCode.Forbidden);
        (await head.PostAsJsonAsync($"/api/commission-questions/{question["id"]}/answer", new { answer = "按含税回款额计提" })).EnsureSuccessStatusCode();
        var answered = await (await am.GetAsync(statementUrl)).Ok<JsonObject>();
        Assert.Equal(("Answered", "按含税回款额计提"), ((string?)answered["questions"]![0]!["status"], (string?)answered["questions"]![0]!["answer"]));

        // The calculator on 10 July: a 10,000 deal would earn 200.00 under the scheme in force.
        var estimate = await As(userName, new DateOnly(2031, 7, 10), (s, clock) => s.Build<CommissionCalculator>(clock).Handle(new CalculatorInput(10_000m, account, null, null)));
        Assert.True(estimate.IsSuccess, estimate.Error?.Code);
        Assert.Equal(200.00m, estimate.Value.Earned);
    }
}
