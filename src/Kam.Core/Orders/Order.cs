using Kam.Core.Common;

namespace Kam.Core.Orders;

/// <summary>An item of the product catalogue (产品目录).</summary>
[Scoped(Scope.Department)]
public class Product : Entity
{
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Brand { get; set; }

    public string? Series { get; set; }

    public string Unit { get; set; } = "";

    public decimal ListPrice { get; set; }

    public bool IsActive { get; set; } = true;
}

public enum OrderStatus
{
    Received,
    Confirmed,
    PartlyShipped,
    Shipped,
    Delivered,
    Closed,
    Cancelled,
}

/// <summary>Whether an order needed approval (beyond its contract's remaining amount) and where that stands.</summary>
public enum OrderApproval
{
    NotRequired,
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// What an account ordered (订单), optionally under a contract: lines, totals computed on the server, a status that
/// moves received → confirmed → partly shipped → shipped → delivered → closed, or cancelled with a reason.
/// </summary>
[Scoped(Scope.Account)]
public class Order : Entity, IBelongsToAccount, IArchivable
{
    /// <summary>Automatic (e.g. SO-2026-000001); unique.</summary>
    public string Number { get; set; } = "";

    public Guid AccountId { get; set; }

    public Guid? ContractId { get; set; }

    public Guid OwnerId { get; set; }

    public DateOnly OrderedOn { get; set; }

    /// <summary>When the customer is to pay for it (a receivable from then on unless its contract has a payment plan).</summary>
    public DateOnly PaymentDueOn { get; set; }

    public DateOnly? RequestedDeliveryOn { get; set; }

    public string? DeliveryAddress { get; set; }

    public string? Note { get; set; }

    public OrderStatus Status { get; set; }

    public OrderApproval Approval { get; set; }

    public Guid? ApprovalId { get; set; }

    /// <summary>Sum of the lines' amounts, computed on save.</summary>
    public decimal Total { get; set; }

    /// <summary>Payments received against this order.</summary>
    public decimal Collected { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    /// <summary>The business day the order was confirmed (the ledger counts it then).</summary>
    public DateOnly? ConfirmedOn { get; set; }

    /// <summary>The business day a confirmed order was cancelled (the ledger takes it back then).</summary>
    public DateOnly? CancelledOn { get; set; }

    /// <summary>Who the order is credited to in the ledger: the owner when it was confirmed.</summary>
    public Guid? CreditedToId { get; set; }

    public string? CancelReason { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }

    public List<OrderLine> Lines { get; set; } = [];
}

/// <summary>One line of an order; product code, name and unit are copied so the order reads the same after catalogue changes.</summary>
[Scoped(Scope.Parent, Rule = typeof(OrderLineScope))]
public class OrderLine : Entity
{
    public Guid OrderId { get; set; }

    public int LineNo { get; set; }

    public Guid ProductId { get; set; }

    public string ProductCode { get; set; } = "";

    public string ProductName { get; set; } = "";

    public string Unit { get; set; } = "";

    public decimal Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    /// <summary>Discount in percent (0–100).</summary>
    public decimal Discount { get; set; }

    /// <summary>Quantity × unit price × (1 − discount), rounded to the fen.</summary>
    public decimal Amount { get; set; }

    /// <summary>Shipped in regular shipments; never above <see cref="Quantity"/>.</summary>
    public decimal ShippedQuantity { get; set; }

    /// <summary>Make-up quantity approved; make-up shipments never exceed it.</summary>
    public decimal MakeUpApproved { get; set; }

    public decimal MakeUpShipped { get; set; }
}

public enum ShipmentKind
{
    Regular,

    /// <summary>补发货: for goods missing or damaged in an earlier shipment.</summary>
    MakeUp,
}

public enum ShipmentStatus
{
    /// <summary>A make-up waiting for approval.</summary>
    PendingApproval,

    /// <summary>A make-up approved and not shipped yet.</summary>
    Approved,
    Rejected,
    Shipped,
    Delivered,
}

public enum MakeUpReason
{
    Missing,
    Damaged,
    Wrong,
    Other,
}

/// <summary>A delivery against an order (发货), or a make-up (补发货) that refers to the original shipment.</summary>
[Scoped(Scope.Account)]
public class Shipment : Entity, IBelongsToAccount
{
    public string Number { get; set; } = "";

    public Guid OrderId { get; set; }

    public Guid AccountId { get; set; }

    public ShipmentKind Kind { get; set; }

    public ShipmentStatus Status { get; set; }

    public Guid? OriginalShipmentId { get; set; }

    public MakeUpReason? Reason { get; set; }

    public string? ReasonText { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateOnly? ShippedOn { get; set; }

    public string? Carrier { get; set; }

    public string? TrackingNumber { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    public List<ShipmentLine> Lines { get; set; } = [];

    /// <summary>A regular shipment's goods at the order's net prices (发货额), fixed when it ships; null for a make-up
    /// (replacement goods are not sales).</summary>
    public decimal? Amount { get; set; }

    /// <summary>Who the shipment is credited to in the ledger: the order's credited person when it shipped.</summary>
    public Guid? CreditedToId { get; set; }

    /// <summary>What <paramref name="quantity"/> of an order line is worth at its net price, to the fen.</summary>
    public static decimal ValueOf(OrderLine line, decimal quantity) =>
        line.Quantity == 0 ? 0 : Math.Round(line.Amount * quantity / line.Quantity, 2, MidpointRounding.AwayFromZero);
}

[Scoped(Scope.Parent, Rule = typeof(ShipmentLineScope))]
public class ShipmentLine : IAudited
{
    public Guid ShipmentId { get; set; }

    public Guid OrderLineId { get; set; }

    public decimal Quantity { get; set; }
}
