using Kam.Core.Common;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>Orders on the account timeline: placed (and cancelled), shipments and make-ups.</summary>
public sealed class OrderTimelineSource(IKamDb db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct)
    {
        var orders = await (from o in db.Read<Order>().AsNoTracking()
                            where o.AccountId == accountId
                            orderby o.OrderedOn descending
                            join u in db.Unscoped<User>() on o.CreatedById equals u.Id into authors
                            from u in authors.DefaultIfEmpty()
                            select new { o.CreatedAt, o.UpdatedAt, o.Number, o.Total, o.Status, o.CancelReason, Who = u == null ? null : u.DisplayName }).Take(max).ToListAsync(ct);
        var shipments = await (from s in db.Read<Shipment>().AsNoTracking()
                               where s.AccountId == accountId
                               orderby s.CreatedAt descending
                               join u in db.Unscoped<User>() on s.CreatedById equals u.Id into authors
                               from u in authors.DefaultIfEmpty()
                               select new { s.CreatedAt, s.Number, s.Kind, s.Status, s.Carrier, s.TrackingNumber, Who = u == null ? null : u.DisplayName }).Take(max).ToListAsync(ct);
        var events = orders.Select(o => new TimelineEvent(o.CreatedAt, o.Who, "timeline.order_placed", $"{o.Number} ¥{o.Total:N2}")).ToList();
        events.AddRange(orders.Where(o => o.Status == OrderStatus.Cancelled)
            .Select(o => new TimelineEvent(o.UpdatedAt, o.Who, "timeline.order_cancelled", $"{o.Number} {o.CancelReason}")));
        events.AddRange(shipments.Where(s => s.Status != ShipmentStatus.Rejected).Select(s => new TimelineEvent(s.CreatedAt, s.Who,
            s.Kind == ShipmentKind.MakeUp ? "timeline.makeup_shipment" : "timeline.shipment",
            string.Join(' ', new[] { s.Number, s.Carrier, s.TrackingNumber }.Where(x => !string.IsNullOrEmpty(x))))));
        return events;
    }
}
