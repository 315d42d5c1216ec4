using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Contracts;
using Kam.Core.Ledger;
using Kam.Core.Targets;
using Kam.Infrastructure.Data;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

/// <summary>
/// 业绩分摊: the head splits a signed contract's or a payment's credit (70/30) with a reason; the ledger moves the
/// figures at once and a later reversal is split the same way; an account manager may not; bad splits are refused
/// on their fields and a stale one gets 409; the ledger still equals a rebuild.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class CreditSplitApiTests(KamFactory app)
{
    private static DateOnly Today => PaymentData.Today;

    private Task<Guid> UserId(string userName) => app.Read(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());

    private async Task<Dictionary<string, decimal>> Actuals(HttpClient head, Guid person)
    {
        var progress = await (await head.GetAsync($"/api/targets/progress?period={Period.MonthOf(Today)}&userId={person}")).Ok<JsonObject>();
        return progress["metrics"]!.AsArray().ToDictionary(m => (string)m!["metric"]!, m => (decimal)m!["people"]!.AsArray().Single()!["figure"]!["actual"]!);
    }

    [Fact]
    public async Task The_head_splits_a_contract_and_a_payment_70_30_and_both_people_are_credited_to_the_fen_including_a_later_reversal()
    {
        var first = await Users.Create(app, "cs1");
        var second = await Users.Create(app, "cs2");
        var (firstId, secondId) = (await UserId(first), await UserId(second));
        using var am = await app.WithPassword(first, Users.Password);
        using var head = await app.As("head");
        var accountId = await PaymentData.AccountOf(am);
        var contract = new Contract
        {
            Number = "CS-" + Guid.NewGuid().ToString("N")[..10],
            Kind = ContractKind.Purchase,
            AccountId = accountId,
            Title = "分摊合同",
            Amount = 10_000.01m,
            EffectiveAmount = 10_000.01m,
            StartOn = Today,
            EndOn = Today.AddYears(1),
            EffectiveEndOn = Today.AddYears(1),
            Status = ContractStatus.Signed,
            SignedOn = Today,
            OwnerId = firstId,
            DrafterId = firstId,
        };
        await app.Change(db =>
        {
            db.Unscoped<Contract>().Add(contract);
            return Task.CompletedTask;
        });
        var (_, instalmentId) = await PaymentData.Order(app, accountId, 5_000m, Today.AddDays(20));
        var payment = await (await am.PostAsJsonAsync("/api/payments", new { instalmentId, amount = 1_000.01m, receivedOn = Today, method = "BankTransfer" }))
            .Ok<JsonObject>(HttpStatusCode.Created);
        var paymentId = Guid.Parse((string)payment["id"]!);

        var view = await (await head.GetAsync($"/api/credit-splits?document=Contract&documentId={contract.Id}")).Ok<JsonObject>();
        Assert.True((bool)view["canSplit"]!);
        var only = Assert.Single(view["current"]!.AsArray());
        Assert.Equal((firstId.ToString(), 100m), ((string)only!["person"]!["id"]!, (decimal)only["percent"]!));
        var version = (string)view["version"]!;
        object Split(CreditDocument document, Guid id, string? v, string? reason, params (Guid? User, decimal? Percent)[] shares) => new
        {
            document = document.ToString(),
            documentId = id,
            shares = shares.Select(s => new { userId = s.User, percent = s.Percent }).ToArray(),
            reason,
            version = v,
        };

        // The account manager may read the split of their contract but not make one.
        (await am.GetAsync($"/api/credit-splits?document=Contract&documentId={contract.Id}")).EnsureSuccessStatusCode();
        await (await am.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, version, "协同", (firstId, 50m), (secondId, 50m))))
            .Problem(HttpStatusCode.Forbidden);

        // Bad splits, each on its field; nothing changes.
        var sum = await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, version, "协同", (firstId, 60m), (secondId, 30m))))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains("90", (string)sum["errors"]!["shares"]![0]!);
        var bad = await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, version, " ", (firstId, 0m), (firstId, 100.001m), (Guid.NewGuid(), 10m))))
            .Problem(HttpStatusCode.BadRequest);
        var fields = bad["errors"]!.AsObject().Select(e => e.Key).ToHashSet();
        Assert.Superset(new HashSet<string> { "reason", "shares[0].percent", "shares[1].userId", "shares[1].percent", "shares[2].userId" }, fields);
        await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, null, "协同", (firstId, 70m), (secondId, 30m))))
            .Problem(HttpStatusCode.BadRequest);
        var nulls = await (await head.PostAsJsonAsync("/api/credit-splits", new { document = "Contract", documentId = contract.Id, shares = new object?[] { null }, reason = "协同", version }))
            .Problem(HttpStatusCode.BadRequest);
        Assert.Contains(nulls["errors"]!.AsObject(), e => e.Key.StartsWith("shares[0]", StringComparison.Ordinal));
        await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, Guid.NewGuid().ToString(), "协同", (firstId, 70m), (secondId, 30m))))
            .Problem(HttpStatusCode.Conflict);
        await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, Guid.NewGuid(), version, "协同", (firstId, 70m), (secondId, 30m))))
            .Problem(HttpStatusCode.NotFound);
        Assert.Equal(10_000.01m, (await Actuals(head, firstId))["Signed"]);

        // 70/30: the fen left over by the division goes to the larger share.
        var split = await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, version, "二人共同开发", (secondId, 30m), (firstId, 70m))))
            .Ok<JsonObject>();
        Assert.Equal([70m, 30m], split["current"]!.AsArray().Select(s => (decimal)s!["percent"]!));
        var history = Assert.Single(split["history"]!.AsArray());
        Assert.Equal(("Active", "二人共同开发"), ((string)history!["status"]!, (string)history["reason"]!));
        // The same version again is stale now.
        await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, version, "再分", (firstId, 50m), (secondId, 50m))))
            .Problem(HttpStatusCode.Conflict);

        var paymentView = await (await head.GetAsync($"/api/credit-splits?document=Payment&documentId={paymentId}")).Ok<JsonObject>();
        await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Payment, paymentId, (string)paymentView["version"]!, "协助催收", (firstId, 70m), (secondId, 30m))))
            .Ok<JsonObject>();
        var (a, b) = (await Actuals(head, firstId), await Actuals(head, secondId));
        Assert.Equal((7_000.01m, 3_000m), (a["Signed"], b["Signed"]));
        Assert.Equal((700.01m, 300m), (a["Collected"], b["Collected"]));
        // The drill-down finds a split record under each of its people.
        var month = Period.MonthOf(Today);
        foreach (var person in new[] { firstId, secondId })
        {
            var contracts = (await (await head.GetAsync($"/api/contracts?credited={person}&creditPeriod={month}")).Ok<JsonObject>())["items"]!.AsArray();
            Assert.Contains(contracts, c => (string)c!["id"]! == contract.Id.ToString());
            var payments = (await (await head.GetAsync($"/api/payments?credited={person}&creditPeriod={month}")).Ok<JsonObject>())["items"]!.AsArray();
            Assert.Contains(payments, p => (string)p!["id"]! == paymentId.ToString());
        }
        // The export of a drill-down holds its records only.
        var exported = await head.GetAsync($"/api/contracts/export?credited={secondId}&creditPeriod={month}");
        exported.EnsureSuccessStatusCode();
        using (var sheet = new MemoryStream(await exported.Content.ReadAsByteArrayAsync()))
            Assert.Single(MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true));
        // Half a drill-down, or a bad period, finds nothing (never the whole list passed off as somebody's).
        foreach (var half in new[] { $"credited={firstId}&creditPeriod=2026-13", $"credited={firstId}", $"creditPeriod={month}" })
            Assert.Empty((await (await head.GetAsync($"/api/contracts?{half}")).Ok<JsonObject>())["items"]!.AsArray());

        // A reversal afterwards is split the same way: both come back to nothing.
        var reloaded = await (await head.GetAsync($"/api/credit-splits?document=Payment&documentId={paymentId}")).Ok<JsonObject>();
        (await am.PostAsJsonAsync($"/api/payments/{paymentId}/reverse", new { reason = "录错", version = reloaded["version"] })).EnsureSuccessStatusCode();
        (a, b) = (await Actuals(head, firstId), await Actuals(head, secondId));
        Assert.Equal((0m, 0m), (a["Collected"], b["Collected"]));
        var reversed = await (await head.GetAsync($"/api/credit-splits?document=Payment&documentId={paymentId}")).Ok<JsonObject>();
        Assert.False((bool)reversed["canSplit"]!);

        // Back to one person: the whole credit returns, the first split is kept as replaced.
        var contractNow = await (await head.GetAsync($"/api/credit-splits?document=Contract&documentId={contract.Id}")).Ok<JsonObject>();
        var back = await (await head.PostAsJsonAsync("/api/credit-splits", Split(CreditDocument.Contract, contract.Id, (string)contractNow["version"]!, "更正", (firstId, 100m))))
            .Ok<JsonObject>();
        Assert.Equal(["Active", "Replaced"], back["history"]!.AsArray().Select(h => (string)h!["status"]!));
        Assert.Equal((10_000.01m, 0m), ((await Actuals(head, firstId))["Signed"], (await Actuals(head, secondId))["Signed"]));
        Assert.Null(await app.Read(db => db.Unscoped<Contract>().Where(c => c.Id == contract.Id).Select(c => c.CreditShares).FirstAsync()));

        using var scope = app.Services.CreateScope();
        var check = await scope.ServiceProvider.GetRequiredService<DerivedData>().CheckLedgerAsync();
        Assert.True(check.Equal, string.Join("; ", check.First));
    }

    [Fact]
    public void Shares_divide_an_amount_exactly_with_the_remainder_to_the_first_shares()
    {
        var (x, y, z) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var text = CreditShares.Format([(x, 3334), (y, 3333), (z, 3333)]);
        var parts = CreditShares.Split(text, Guid.Empty, 100, 1).ToList();
        Assert.Equal([34L, 33L, 33L], parts.Select(p => p.Fen));
        Assert.Equal([1, 0, 0], parts.Select(p => p.Count));
        var negative = CreditShares.Split(text, Guid.Empty, -101, -1).ToList();
        Assert.Equal(-101L, negative.Sum(p => p.Fen));
        Assert.Equal([(Guid.Empty, 5L, 1)], CreditShares.Split(null, Guid.Empty, 5, 1));
        Assert.Empty(CreditShares.Parse("nonsense"));
        Assert.Empty(CreditShares.Parse(x + ":5000"));
    }
}
