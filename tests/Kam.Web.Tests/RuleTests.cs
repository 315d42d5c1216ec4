using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Opportunities;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>
/// The arithmetic of the deal rules, run in-process as the person who does it (no HTTP), on SQLite and on PostgreSQL:
/// money summed in the database must come out to the fen on both.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RuleTests(KamFactory app)
{
    private static DateOnly Today => PaymentData.Today;

    [Fact]
    public async Task Overdue_receivables_fall_into_aging_buckets_by_days_past_due_and_a_part_payment_counts_once()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(5), 1000.10m);   // due
        await PaymentData.Instalment(app, accountId, null, Today, 50m);                    // due today: not overdue
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-1), 0.01m);      // 0-30
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-30), 10.25m);    // 0-30, on the edge
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-31), 20m);       // 31-60
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-60), 300.33m);   // 31-60, on the edge
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-61), 400m);      // 61-90
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-91), 500m, collected: 199.99m); // >90, part paid
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-200), 700m, collected: 700m);   // settled

        var summary = (await app.Run<Receivables, Result<ReceivableSummary>>("am1", r => r.Summary(new ReceivableQuery(AccountId: accountId)))).Value!.Total;

        Assert.Equal((1050.10m, 10.26m, 320.33m, 400m, 300.01m), (summary.Due, summary.Days0To30, summary.Days31To60, summary.Days61To90, summary.DaysOver90));
        Assert.Equal(1030.60m, summary.Overdue);
        Assert.Equal(2080.70m, summary.Open);
        Assert.Equal((8, 6), (summary.OpenCount, summary.OverdueCount));
    }

    [Fact]
    public async Task Another_manager_gets_not_found_for_the_receivables_of_an_account_not_theirs()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        var result = await app.Run<Receivables, Result<ReceivableSummary>>("am2", r => r.Summary(new ReceivableQuery(AccountId: accountId)));
        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task Order_lines_are_priced_to_the_fen_after_the_discount_and_the_order_totals_them()
    {
        var product = Orders.Id(await Orders.Product(app, 333.33m));
        var accountId = await PaymentData.AccountOf(app, "am1");
        var input = new OrderInput
        {
            AccountId = accountId,
            Lines =
            [
                new OrderLineInput { ProductId = product, Quantity = 3 },                                    // 999.99
                new OrderLineInput { ProductId = product, Quantity = 7, UnitPrice = 12.345m, Discount = 15 }, // 73.45 (73.452...)
                new OrderLineInput { ProductId = product, Quantity = 1, UnitPrice = 0.025m },                // 0.03 (0.025 away from zero)
            ],
        };

        var created = await app.Run<SaveOrder, Result<Guid>>("am1", s => s.Create(input));
        var order = (await app.Run<GetOrder, Result<OrderDetail>>("am1", g => g.Handle(created.Value))).Value!;

        Assert.Equal(new[] { 999.99m, 73.45m, 0.03m }, order.Lines.Select(l => l.Amount));
        Assert.Equal(1073.47m, order.Total);
    }

    [Fact]
    public async Task The_forecast_sums_each_month_unweighted_and_weighted_to_the_fen_and_counts_a_win_in_the_month_won()
    {
        var am = await Users.Create(app, "fcrule");
        using var client = await app.WithPassword(am, Users.Password);
        var accountId = await PaymentData.AccountOf(client);
        var month0 = new DateOnly(Today.Year, Today.Month, 1);
        async Task Project(decimal amount, string stage, DateOnly signOn, string? lostReason = null)
        {
            var input = new OpportunityInput { AccountId = accountId, Name = "项目" + amount, ExpectedAmount = amount, Stage = stage, ExpectedSignOn = signOn, LostReason = lostReason };
            Assert.True((await app.Run<SaveOpportunity, Result<Guid>>(am, s => s.Create(input))).IsSuccess);
        }
        await Project(100000m, "proposal", month0);                       // 50 %
        await Project(33333.33m, "contact", month0.AddMonths(1).AddDays(9));  // 10 %
        await Project(12345.67m, "negotiation", month0.AddMonths(1));       // 75 %
        await Project(50000m, "won", month0.AddMonths(2));                 // won today: counts in this month
        await Project(80000m, "lost", month0.AddMonths(1), "丢单");         // lost: nowhere
        await Project(999m, "needs", month0.AddMonths(3));                 // after the range

        var report = (await app.Run<OpportunityForecast, Result<ForecastReport>>(am, f =>
            f.Handle(month0.ToString("yyyy-MM"), month0.AddMonths(2).ToString("yyyy-MM"), null))).Value!;

        var person = Assert.Single(report.People);
        Assert.Equal(
            [(100000m, 50000m, 50000m), (45679.00m, 12592.59m, 0m), (0m, 0m, 0m)],   // 3,333.333 + 9,259.2525 → 12,592.59
            person.Months.Select(m => (m.Open, m.Weighted, m.Won)).ToArray());
        Assert.Equal((145679.00m, 62592.59m, 50000m), (person.Open, person.Weighted, person.Won));
        Assert.Equal((person.Open, person.Weighted, person.Won), (report.Department.Open, report.Department.Weighted, report.Department.Won));

        var othersView = (await app.Run<OpportunityForecast, Result<ForecastReport>>("am2", f =>
            f.Handle(month0.ToString("yyyy-MM"), month0.AddMonths(2).ToString("yyyy-MM"), null))).Value!;
        Assert.DoesNotContain(othersView.People, l => l.Person!.DisplayName == "测试fcrule");
    }

    [Fact]
    public async Task A_contracts_effective_amount_and_end_add_the_supplements_that_count_and_nothing_else()
    {
        var accountId = await PaymentData.AccountOf(app, "am1");
        var parentId = await PaymentData.Contract(app, accountId, 500000m);
        async Task Supplement(decimal amount, ContractStatus status, DateOnly endOn, bool archived = false) =>
            await app.Change(async db =>
            {
                var parent = await db.Unscoped<Contract>().AsNoTracking().SingleAsync(c => c.Id == parentId);
                db.Unscoped<Contract>().Add(new Contract
                {
                    Number = "SUP-" + Guid.NewGuid().ToString("N")[..12],
                    Kind = ContractKind.Supplementary,
                    ParentId = parentId,
                    AccountId = accountId,
                    OwnerId = parent.OwnerId,
                    DrafterId = parent.DrafterId,
                    Title = "补充协议",
                    Changes = "调整",
                    Amount = amount,
                    EffectiveAmount = amount,
                    StartOn = parent.StartOn,
                    EndOn = endOn,
                    EffectiveEndOn = endOn,
                    Status = status,
                    ArchivedAt = archived ? DateTimeOffset.UtcNow : null,
                });
            });
        await Supplement(120000.55m, ContractStatus.Approved, new DateOnly(2028, 3, 31));
        await Supplement(-20000.10m, ContractStatus.Signed, new DateOnly(2027, 6, 30));      // an earlier end never shortens
        await Supplement(33333.33m, ContractStatus.InForce, new DateOnly(2027, 12, 31));
        await Supplement(0.01m, ContractStatus.Expired, new DateOnly(2029, 1, 1));
        await Supplement(1000000m, ContractStatus.Draft, new DateOnly(2030, 1, 1));
        await Supplement(5000m, ContractStatus.UnderReview, new DateOnly(2030, 1, 1));
        await Supplement(7000m, ContractStatus.Rejected, new DateOnly(2030, 1, 1));
        await Supplement(9000m, ContractStatus.Terminated, new DateOnly(2030, 1, 1));
        await Supplement(11000m, ContractStatus.Approved, new DateOnly(2030, 1, 1), archived: true);

        await app.Change(async db => await Effective.RecomputeAsync(db, await db.Unscoped<Contract>().SingleAsync(c => c.Id == parentId), default));

        var detail = (await app.Run<ListContracts, Result<ContractView>>("am1", l => l.Get(parentId))).Value!;
        Assert.Equal(633333.79m, detail.EffectiveAmount);   // 500,000 + 120,000.55 − 20,000.10 + 33,333.33 + 0.01
        Assert.Equal(new DateOnly(2029, 1, 1), detail.EffectiveEndOn);
        Assert.Equal(500000m, detail.Amount);
    }
}
