using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

public sealed record ShipmentQuery
{
    /// <summary>Shipment number, order number or tracking number.</summary>
    public string? Search { get; init; }
    public ShipmentKind? Kind { get; init; }
    public ShipmentStatus? Status { get; init; }
    public Guid? AccountId { get; init; }
    public Guid? OrderId { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
}

/// <summary>Shipments and make-ups under the data scope, with filters, sort and paging.</summary>
public sealed class ListShipments(IKamDb db)
{
    public async Task<PagedResult<ShipmentRow>> Handle(ShipmentQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var shipments = Filter(q);
        var total = await shipments.CountAsync(ct);
        var page = await Sort(shipments, paging).PageOf(paging).AsNoTracking().ToListAsync(ct);
        return new PagedResult<ShipmentRow>(await RowsAsync(page, ct), total);
    }

    public IQueryable<Shipment> Query(ShipmentQuery q) => Sort(Filter(q), new PageRequest(Sort: q.Sort)).AsNoTracking();

    private IQueryable<Shipment> Filter(ShipmentQuery q)
    {
        var shipments = db.Read<Shipment>();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var text = q.Search.Trim();
            var prefix = Like.Escape(text.ToUpperInvariant()) + "%";
            var orders = db.Read<Order>().Where(o => EF.Functions.Like(o.Number, prefix, Like.EscapeCharacter)).Select(o => o.Id);
            shipments = shipments.Where(s => EF.Functions.Like(s.Number, prefix, Like.EscapeCharacter) || s.TrackingNumber == text || orders.Contains(s.OrderId));
        }
        if (q.Kind is { } kind)
            shipments = shipments.Where(s => s.Kind == kind);
        if (q.Status is { } status)
            shipments = shipments.Where(s => s.Status == status);
        if (q.AccountId is { } account)
            shipments = shipments.Where(s => s.AccountId == account);
        if (q.OrderId is { } order)
            shipments = shipments.Where(s => s.OrderId == order);
        if (q.From is { } from)
            shipments = shipments.Where(s => s.ShippedOn >= from);
        if (q.To is { } to)
            shipments = shipments.Where(s => s.ShippedOn <= to);
        return shipments;
    }

    private static readonly Sorting<Shipment> Sorts = new Sorting<Shipment>(q => q.OrderByDescending(s => s.CreatedAt))
        .By("number", s => s.Number)
        .By("shippedOn", q => q.OrderBy(s => s.ShippedOn).ThenBy(s => s.Number), q => q.OrderByDescending(s => s.ShippedOn).ThenByDescending(s => s.Number))
        .By("status", s => s.Status, q => q.ThenByDescending(s => s.CreatedAt))
        .By("createdAt", s => s.CreatedAt);

    private static IQueryable<Shipment> Sort(IQueryable<Shipment> shipments, PageRequest paging) => Sorts.Apply(shipments, paging);

    public async Task<IReadOnlyList<ShipmentRow>> RowsAsync(IReadOnlyList<Shipment> page, CancellationToken ct)
    {
        var accountIds = page.Select(s => s.AccountId).Distinct().ToList();
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var orderIds = page.Select(s => s.OrderId).Distinct().ToList();
        var orders = await db.Unscoped<Order>().AsNoTracking().Where(o => orderIds.Contains(o.Id)).Select(o => new { o.Id, o.Number }).ToDictionaryAsync(o => o.Id, o => o.Number, ct);
        var originalIds = page.Where(s => s.OriginalShipmentId != null).Select(s => s.OriginalShipmentId!.Value).Distinct().ToList();
        var originals = await db.Unscoped<Shipment>().AsNoTracking().Where(s => originalIds.Contains(s.Id)).Select(s => new { s.Id, s.Number }).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        return page.Select(s => new ShipmentRow(s.Id, s.Number, s.OrderId, orders.GetValueOrDefault(s.OrderId, ""), s.AccountId, accounts.GetValueOrDefault(s.AccountId, ""),
            s.Kind, s.Status, s.OriginalShipmentId is { } o ? originals.GetValueOrDefault(o) : null, s.Reason, s.ShippedOn, s.Carrier, s.TrackingNumber,
            s.DeliveredOn, s.CreatedAt)).ToList();
    }
}
