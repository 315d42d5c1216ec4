using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>An order beyond its contract's remaining amount: approved → it may be confirmed; rejected or withdrawn →
/// back with its author (Rejected), who edits it or submits it again.</summary>
public sealed class OrderApprovalDocument(IKamDb db) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.Order;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var order = db.Unscoped<Order>().Local.FirstOrDefault(o => o.Id == request.DocumentId)
            ?? await db.Unscoped<Order>().FirstOrDefaultAsync(o => o.Id == request.DocumentId, ct);
        if (order is null || order.ApprovalId is { } current && current != request.Id && order.Approval != OrderApproval.Pending)
            return;
        order.Approval = outcome == ApprovalStatus.Approved ? OrderApproval.Approved : OrderApproval.Rejected;
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<Order>().AnyAsync(o => o.Id == documentId, ct);

    public string Link(Guid documentId) => $"/orders/{documentId}";
}

/// <summary>A make-up shipment: approved → its quantities become the lines' approved make-up and it may ship;
/// rejected or withdrawn → Rejected (nothing is added).</summary>
public sealed class MakeUpApprovalDocument(IKamDb db) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.MakeUpShipment;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var shipment = db.Unscoped<Shipment>().Local.FirstOrDefault(s => s.Id == request.DocumentId)
            ?? await db.Unscoped<Shipment>().Include(s => s.Lines).FirstOrDefaultAsync(s => s.Id == request.DocumentId, ct);
        if (shipment is null || shipment.Status != ShipmentStatus.PendingApproval)
            return;
        if (outcome != ApprovalStatus.Approved)
        {
            shipment.Status = ShipmentStatus.Rejected;
            return;
        }
        shipment.Status = ShipmentStatus.Approved;
        var ids = shipment.Lines.Select(l => l.OrderLineId).ToList();
        var lines = await db.Unscoped<OrderLine>().Where(l => ids.Contains(l.Id)).ToListAsync(ct);
        foreach (var sl in shipment.Lines)
            lines.First(l => l.Id == sl.OrderLineId).MakeUpApproved += sl.Quantity;
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<Shipment>().AnyAsync(s => s.Id == documentId, ct);

    public string Link(Guid documentId) => $"/shipments/{documentId}";
}
