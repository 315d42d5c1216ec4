using Kam.Core.Common;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Web.Tests.Infrastructure;

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
}
