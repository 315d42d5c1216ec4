using Kam.Core.Ledger;

namespace Kam.Core.Orders;

/// <summary>
/// A confirmed order counts its total on the day it was confirmed, credited to its owner then; cancelling it later
/// takes the same amount back on the day of the cancellation (the past day's figure stays as it was reported).
/// </summary>
internal sealed class OrderLedger : LedgerSource<Order>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Ordered];

    protected override void Stamp(Order order, LedgerContext context)
    {
        if (order.Status is not (OrderStatus.Received or OrderStatus.Cancelled) && order.ConfirmedOn is null)
        {
            order.ConfirmedOn = context.Today;
            order.CreditedToId ??= order.OwnerId;
        }
        if (order.Status == OrderStatus.Cancelled && order.ConfirmedOn is not null && order.CancelledOn is null)
            order.CancelledOn = context.Today;
    }

    protected override void Facts(Order order, LedgerContext context, List<Fact> into)
    {
        if (order.ConfirmedOn is not { } on || order.ArchivedAt is not null)
            return;
        var person = order.CreditedToId ?? order.OwnerId;
        var fen = Fen.Of(order.Total);
        into.Add(new Fact(LedgerMetric.Ordered, on, person, order.AccountId, fen, 1));
        if (order.CancelledOn is { } off)
            into.Add(new Fact(LedgerMetric.Ordered, off, person, order.AccountId, -fen, -1));
    }
}
