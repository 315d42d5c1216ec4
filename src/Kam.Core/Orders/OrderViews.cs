namespace Kam.Core.Orders;

public sealed record OrderRow(Guid Id, string Number, Guid AccountId, string AccountName, Guid? ContractId, string? ContractNumber, Guid OwnerId, string OwnerName,
    DateOnly OrderedOn, DateOnly PaymentDueOn, OrderStatus Status, OrderApproval Approval, decimal Total, decimal Collected);

public sealed record OrderLineView(Guid Id, int LineNo, Guid ProductId, string ProductCode, string ProductName, string Unit, decimal Quantity, decimal UnitPrice,
    decimal Discount, decimal Amount, decimal ShippedQuantity, decimal MakeUpApproved, decimal MakeUpShipped)
{
    /// <summary>What regular shipments may still ship of this line.</summary>
    public decimal Remaining => Quantity - ShippedQuantity;
}

public sealed record ShipmentLineView(Guid OrderLineId, int LineNo, string ProductCode, string ProductName, string Unit, decimal Quantity);

public sealed record ShipmentView(Guid Id, string Number, Guid OrderId, ShipmentKind Kind, ShipmentStatus Status, Guid? OriginalShipmentId, string? OriginalNumber,
    MakeUpReason? Reason, string? ReasonText, Guid? ApprovalId, DateOnly? ShippedOn, string? Carrier, string? TrackingNumber, DateOnly? DeliveredOn,
    DateTimeOffset CreatedAt, Guid Version, IReadOnlyList<ShipmentLineView> Lines);

/// <summary>The order's own receivable, once confirmed (none when its contract's payment plan covers it).</summary>
public sealed record OrderReceivable(Guid Id, DateOnly DueOn, decimal Amount, decimal Collected, bool Settled);

public sealed record OrderDetail(Guid Id, string Number, Guid AccountId, string AccountName, Guid? ContractId, string? ContractNumber, Guid OwnerId, string OwnerName,
    DateOnly OrderedOn, DateOnly PaymentDueOn, DateOnly? RequestedDeliveryOn, string? DeliveryAddress, string? Note, OrderStatus Status, OrderApproval Approval,
    Guid? ApprovalId, decimal Total, decimal Collected, DateOnly? DeliveredOn, string? CancelReason, Guid Version, DateTimeOffset CreatedAt,
    IReadOnlyList<OrderLineView> Lines, IReadOnlyList<ShipmentView> Shipments, OrderReceivable? Receivable, OrderPermissions Can);

/// <summary>What the current user may do with the order now (the UI shows only these actions; the server checks again).</summary>
public sealed record OrderPermissions(bool Edit, bool Confirm, bool Cancel, bool Ship, bool MakeUp, bool Deliver, bool Close, bool Submit);

public sealed record ShipmentRow(Guid Id, string Number, Guid OrderId, string OrderNumber, Guid AccountId, string AccountName, ShipmentKind Kind, ShipmentStatus Status,
    string? OriginalNumber, MakeUpReason? Reason, DateOnly? ShippedOn, string? Carrier, string? TrackingNumber, DateOnly? DeliveredOn, DateTimeOffset CreatedAt);
