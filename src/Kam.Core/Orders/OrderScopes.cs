using Kam.Core.Common;

namespace Kam.Core.Orders;

/// <summary>An order's lines are seen with the order.</summary>
public sealed class OrderLineScope() : ThroughParent<OrderLine, Order>(l => l.OrderId);

/// <summary>A shipment's lines are seen with the shipment.</summary>
public sealed class ShipmentLineScope() : ThroughParent<ShipmentLine, Shipment>(l => l.ShipmentId);
