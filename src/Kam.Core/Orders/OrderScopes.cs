using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Orders;

/// <summary>An order's lines are seen with the order.</summary>
public sealed class OrderLineScope : IScopeRule<OrderLine>
{
    public IQueryable<OrderLine> Visible(IQueryable<OrderLine> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : all.Where(l => db.Read<Order>().Any(o => o.Id == l.OrderId));
}

/// <summary>A shipment's lines are seen with the shipment.</summary>
public sealed class ShipmentLineScope : IScopeRule<ShipmentLine>
{
    public IQueryable<ShipmentLine> Visible(IQueryable<ShipmentLine> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : all.Where(l => db.Read<Shipment>().Any(s => s.Id == l.ShipmentId));
}
