using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Payments;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>One order with its lines, shipments (make-ups included) and receivable; 404 outside the data scope.</summary>
public sealed class GetOrder(IKamDb db, ICurrentUser me)
{
    public async Task<Result<OrderDetail>> Handle(Guid id, CancellationToken ct = default)
    {
        var order = await db.Read<Order>().AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return Error.NotFound("order.not_found");
        var account = await db.Unscoped<Account>().AsNoTracking().Where(a => a.Id == order.AccountId).Select(a => a.Name).FirstAsync(ct);
        var contract = order.ContractId is { } cid ? await db.Unscoped<Contract>().AsNoTracking().Where(c => c.Id == cid).Select(c => c.Number).FirstOrDefaultAsync(ct) : null;
        var owner = await db.Unscoped<User>().AsNoTracking().Where(u => u.Id == order.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var shipments = await db.Unscoped<Shipment>().AsNoTracking().Include(s => s.Lines).Where(s => s.OrderId == id).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        var receivable = await db.Unscoped<Instalment>().AsNoTracking().Where(i => i.OrderId == id)
            .Select(i => new OrderReceivable(i.Id, i.DueOn, i.Amount, i.Collected, i.Settled)).FirstOrDefaultAsync(ct);
        var lines = order.Lines.OrderBy(l => l.LineNo).ToList();
        var numbers = shipments.ToDictionary(s => s.Id, s => s.Number);
        var views = shipments.Select(s => new ShipmentView(s.Id, s.Number, s.OrderId, s.Kind, s.Status, s.OriginalShipmentId,
            s.OriginalShipmentId is { } o ? numbers.GetValueOrDefault(o) : null, s.Reason, s.ReasonText, s.ApprovalId, s.ShippedOn, s.Carrier, s.TrackingNumber,
            s.DeliveredOn, s.CreatedAt, s.Version,
            s.Lines.Select(sl => lines.First(l => l.Id == sl.OrderLineId) is var l ? new ShipmentLineView(l.Id, l.LineNo, l.ProductCode, l.ProductName, l.Unit, sl.Quantity) : null!)
                .OrderBy(l => l.LineNo).ToList())).ToList();
        var writes = OrderRules.MayWrite(me);
        var shipped = views.Any(v => v.Kind == ShipmentKind.Regular);
        var can = new OrderPermissions(
            Edit: writes && order.Status == OrderStatus.Received && order.Approval != OrderApproval.Pending,
            Confirm: writes && order.Status == OrderStatus.Received && order.Approval is OrderApproval.NotRequired or OrderApproval.Approved,
            Cancel: writes && order.Status is OrderStatus.Received or OrderStatus.Confirmed && !shipped,
            Ship: writes && order.Status is OrderStatus.Confirmed or OrderStatus.PartlyShipped,
            MakeUp: writes && order.Status is OrderStatus.PartlyShipped or OrderStatus.Shipped or OrderStatus.Delivered,
            Deliver: writes && order.Status == OrderStatus.Shipped,
            Close: writes && order.Status == OrderStatus.Delivered,
            Submit: writes && order.Status == OrderStatus.Received && order.Approval == OrderApproval.Rejected);
        return new OrderDetail(order.Id, order.Number, order.AccountId, account, order.ContractId, contract, order.OwnerId, owner, order.OrderedOn,
            order.PaymentDueOn, order.RequestedDeliveryOn, order.DeliveryAddress, order.Note, order.Status, order.Approval, order.ApprovalId, order.Total,
            order.Collected, order.DeliveredOn, order.CancelReason, order.Version, order.CreatedAt,
            lines.Select(l => new OrderLineView(l.Id, l.LineNo, l.ProductId, l.ProductCode, l.ProductName, l.Unit, l.Quantity, l.UnitPrice, l.Discount, l.Amount,
                l.ShippedQuantity, l.MakeUpApproved, l.MakeUpShipped)).ToList(),
            views, receivable, can);
    }
}
