using System.Net;
using System.Net.Http.Json;
using Kam.Core.Contracts;
using Kam.Core.Ledger;
using Kam.Core.Opportunities;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Core.Visits;
using Kam.Infrastructure.Data;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

/// <summary>
/// The ledger of figures (业绩台账): written with the records that cause it, in the same transaction, equal to a rebuild
/// from the records and to the records' own decimal sums to the fen, with the credit fixed when the fact arose.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LedgerTests(KamFactory app)
{
    private static DateOnly Today => PaymentData.Today;

    private Task<List<LedgerFact>> FactsOf(Guid accountId) =>
        app.Read(db => db.Set<LedgerFact>().AsNoTracking().Where(f => f.AccountId == accountId).ToListAsync());

    private Task<Guid> UserId(string userName) => app.Read(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).FirstAsync());

    private async Task<LedgerCheck> Check()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DerivedData>().CheckLedgerAsync();
    }

    [Fact]
    public async Task Every_kind_of_change_writes_its_figures_and_the_ledger_equals_its_records_to_the_fen()
    {
        using var am1 = await app.As("am1");
        var am1Id = await UserId("am1");
        var accountId = await PaymentData.AccountOf(am1);
        var first = await PaymentData.Instalment(app, accountId, null, Today.AddDays(-40), 1234.56m);
        var second = await PaymentData.Instalment(app, accountId, null, Today.AddDays(10), 800.01m);
        var (orderId, _) = await PaymentData.Order(app, accountId, 999.99m, Today.AddDays(20));
        await app.Change(async db =>
        {
            db.Unscoped<Contract>().Add(new Contract
            {
                Number = "LG-" + Guid.NewGuid().ToString("N")[..10],
                Kind = ContractKind.Purchase,
                AccountId = accountId,
                Title = "台账合同",
                Amount = 50000.10m,
                EffectiveAmount = 50000.10m,
                StartOn = Today,
                EndOn = Today.AddYears(1),
                EffectiveEndOn = Today.AddYears(1),
                Status = ContractStatus.Signed,
                SignedOn = Today.AddDays(-1),
                OwnerId = am1Id,
                DrafterId = am1Id,
            });
            db.Unscoped<Opportunity>().Add(new Opportunity
            {
                AccountId = accountId,
                OwnerId = am1Id,
                Name = "台账项目",
                ExpectedAmount = 30000m,
                Probability = 100,
                Status = OpportunityStatus.Won,
                ExpectedSignOn = Today,
                Stage = "won",
                ClosedOn = Today,
            });
            db.Unscoped<Visit>().Add(new Visit { AccountId = accountId, UserId = am1Id, Date = Today, At = DateTimeOffset.UtcNow, Status = VisitStatus.Done, Purpose = "台账拜访" });
            await Task.CompletedTask;
        });
        var paid = await (await am1.PostAsJsonAsync("/api/payments", new { instalmentId = first, amount = 234.56m, receivedOn = Today, method = "BankTransfer" }))
            .Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);
        var twice = await (await am1.PostAsJsonAsync("/api/payments", new { instalmentId = second, amount = 0.01m, receivedOn = Today, method = "Cash" }))
            .Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);
        (await am1.PostAsJsonAsync($"/api/payments/{twice["id"]}/reverse", new { reason = "重复登记", version = twice["version"] })).EnsureSuccessStatusCode();

        var facts = await FactsOf(accountId);
        long Sum(LedgerMetric metric) => facts.Where(f => f.Metric == metric).Sum(f => f.Fen);
        // Against the records' own decimal sums, to the fen.
        var (open, collected) = await app.Read(async db => (
            await db.Unscoped<Instalment>().Where(i => i.AccountId == accountId && !i.Settled).Select(i => new { i.Amount, i.Collected }).ToListAsync(),
            await db.Unscoped<Payment>().Where(p => p.AccountId == accountId && p.ReversedAt == null).Select(p => p.Amount).ToListAsync()));
        Assert.Equal(open.Sum(i => i.Amount - i.Collected), Fen.ToYuan(Sum(LedgerMetric.Receivable)));
        Assert.Equal(1000m + 800.01m + 999.99m, Fen.ToYuan(Sum(LedgerMetric.Receivable)));
        Assert.Equal(collected.Sum(), Fen.ToYuan(Sum(LedgerMetric.Collected)));
        Assert.Equal(234.56m, Fen.ToYuan(Sum(LedgerMetric.Collected)));
        Assert.Equal(1, facts.Where(f => f.Metric == LedgerMetric.Collected).Sum(f => f.Count)); // the reversed one counted out
        Assert.Equal(5000010L, Sum(LedgerMetric.Signed));
        Assert.Equal(99999L, Sum(LedgerMetric.Ordered));
        Assert.Equal(3000000L, Sum(LedgerMetric.Won));
        Assert.Equal(1, facts.Where(f => f.Metric == LedgerMetric.VisitDone).Sum(f => f.Count));
        Assert.All(facts.Where(f => f.Metric != LedgerMetric.Receivable), f => Assert.Equal(am1Id, f.PersonId));
        Assert.Equal(Today.AddDays(-1), facts.Single(f => f.Metric == LedgerMetric.Signed).Day);

        // Cancelling the confirmed order takes its total back on the day of the cancellation (here the same day).
        using var head = await app.As("head");
        var order = await (await head.GetAsync($"/api/orders/{orderId}")).ReadJson();
        (await head.PostAsJsonAsync($"/api/orders/{orderId}/cancel", new { reason = "客户取消", version = order["version"] })).EnsureSuccessStatusCode();
        Assert.Equal(0L, (await FactsOf(accountId)).Where(f => f.Metric == LedgerMetric.Ordered).Sum(f => f.Fen));

        Assert.True((await Check()).Equal, string.Join("; ", (await Check()).First));
        Assert.NotNull(paid["id"]);
    }

    [Fact]
    public async Task The_credit_stays_with_who_earned_it_while_the_open_balance_follows_the_account_to_its_new_owner()
    {
        using var am1 = await app.As("am1");
        using var head = await app.As("head");
        var (am1Id, am2Id) = (await UserId("am1"), await UserId("am2"));
        var accountId = await PaymentData.AccountOf(am1);
        var instalment = await PaymentData.Instalment(app, accountId, null, Today.AddDays(-5), 500m);
        (await am1.PostAsJsonAsync("/api/payments", new { instalmentId = instalment, amount = 200m, receivedOn = Today, method = "BankTransfer" })).EnsureSuccessStatusCode();

        var account = await (await head.GetAsync($"/api/accounts/{accountId}")).ReadJson();
        (await head.PutAsJsonAsync($"/api/accounts/{accountId}/team", new { ownerId = am2Id, memberIds = Array.Empty<Guid>(), version = account["version"] }))
            .EnsureSuccessStatusCode();

        var facts = await FactsOf(accountId);
        Assert.Equal(am1Id, facts.Single(f => f.Metric == LedgerMetric.Collected).PersonId);
        Assert.Equal((am2Id, 30000L), facts.Where(f => f.Metric == LedgerMetric.Receivable).Select(f => (f.PersonId, f.Fen)).Single());
        // The receivables by person say the same: am2 has the open 300, am1 the collected 200.
        var byPerson = await (await head.GetAsync("/api/receivables?groupBy=person")).ReadJson();
        var groups = byPerson["groups"]!.AsArray().ToDictionary(g => Guid.Parse((string)g!["id"]!), g => g!["figures"]!);
        Assert.True((decimal)groups[am2Id]["open"]! >= 300m);
        Assert.True((decimal)groups[am1Id]["collectedThisYear"]! >= 200m);
        Assert.True((await Check()).Equal);
    }

    [Fact]
    public async Task A_shipment_counts_its_goods_value_on_the_day_it_shipped_for_the_orders_credited_person_and_a_make_up_nothing()
    {
        var product = await Orders.Product(app, 33.33m);
        using var am1 = await app.As("am1");
        var account = Orders.Id(await Accounts.Create(am1));
        var order = await Orders.Create(am1, account, new { productId = product["id"], quantity = 3 });
        order = await Orders.Step(am1, order, "confirm");
        var lineId = (string?)order["lines"]![0]!["id"];
        (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 1 } } })).EnsureSuccessStatusCode();
        (await am1.PostAsJsonAsync($"/api/orders/{order["id"]}/shipments", new { lines = new[] { new { orderLineId = lineId, quantity = 2 } } })).EnsureSuccessStatusCode();

        var shipped = (await FactsOf(account)).Where(f => f.Metric == LedgerMetric.Shipped).ToList();
        Assert.Equal(9999L, shipped.Sum(f => f.Fen)); // 33.33 + 66.66: the whole line, to the fen
        Assert.Equal(2, shipped.Sum(f => f.Count));
        var am1Id = await UserId("am1");
        Assert.All(shipped, f => Assert.Equal((am1Id, Today), (f.PersonId, f.Day)));
        var amounts = await app.Read(db => db.Set<Shipment>().Where(x => x.AccountId == account).Select(x => x.Amount).ToListAsync());
        Assert.Equal(99.99m, amounts.Sum());
        Assert.True((await Check()).Equal, string.Join("; ", (await Check()).First));
    }

    [Fact]
    public async Task A_save_that_fails_writes_no_figures()
    {
        using var am1 = await app.As("am1");
        var accountId = await PaymentData.AccountOf(am1);
        var before = await FactsOf(accountId);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.Change(db =>
        {
            db.Unscoped<Instalment>().Add(new Instalment { AccountId = accountId, No = 1, DueOn = Today, Amount = 100m });
            // Its account does not exist: the whole save fails, the good instalment with it.
            db.Unscoped<Instalment>().Add(new Instalment { AccountId = Guid.NewGuid(), No = 1, DueOn = Today, Amount = 100m });
            return Task.CompletedTask;
        }));
        Assert.Equal(before.Count, (await FactsOf(accountId)).Count);
        Assert.All(await FactsOf(accountId), f => Assert.Equal(LedgerMetric.NewAccount, f.Metric)); // the account's own, developed today, only
    }

    [Fact]
    public async Task The_check_names_a_figure_that_differs_and_the_rebuild_repairs_it()
    {
        using var am1 = await app.As("am1");
        var accountId = await PaymentData.AccountOf(am1);
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(3), 700m);
        await app.Read(db => db.Database.ExecuteSqlAsync($"UPDATE \"LedgerFacts\" SET \"Fen\" = \"Fen\" + 1 WHERE \"AccountId\" = {accountId}"));

        var check = await Check();
        Assert.False(check.Equal);
        Assert.Contains(check.First, d => d.Contains(accountId.ToString(), StringComparison.OrdinalIgnoreCase) && d.Contains("70001", StringComparison.Ordinal));

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DerivedData>().RebuildLedgerAsync();
        Assert.True((await Check()).Equal);
        Assert.Equal(70000L, (await FactsOf(accountId)).Single(f => f.Metric == LedgerMetric.Receivable).Fen);
    }
}
