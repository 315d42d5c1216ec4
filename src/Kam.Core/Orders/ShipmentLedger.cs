using Kam.Core.Ledger;

namespace Kam.Core.Orders;

/// <summary>
/// A regular shipment counts its goods' value (<see cref="Shipment.Amount"/>) on the day it shipped, credited to the
/// order's credited person when it shipped; make-up shipments (replacements) count nothing.
/// </summary>
internal sealed class ShipmentLedger : LedgerSource<Shipment>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Shipped];

    public override bool NeedsOwners => true;

    protected override void Facts(Shipment shipment, LedgerContext context, List<Fact> into)
    {
        if (shipment.Kind == ShipmentKind.Regular && shipment.ShippedOn is { } on && shipment.Amount is { } amount
            && shipment.Status is ShipmentStatus.Shipped or ShipmentStatus.Delivered)
            into.Add(new Fact(LedgerMetric.Shipped, on, shipment.CreditedToId ?? context.OwnerOf(shipment.AccountId), shipment.AccountId, Fen.Of(amount), 1));
    }
}
