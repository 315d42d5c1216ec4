using Kam.Core.Common;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Payments;

/// <summary>Payments on the account timeline: received (amount and reference), and reversed with the reason.</summary>
public sealed class PaymentTimelineSource(IKamDb db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct)
    {
        var rows = await (from p in db.Read<Payment>().AsNoTracking()
                          where p.AccountId == accountId
                          orderby p.ReceivedOn descending
                          join u in db.Unscoped<User>() on p.CreatedById equals u.Id into recorders
                          from u in recorders.DefaultIfEmpty()
                          select new { p.CreatedAt, p.Amount, p.Reference, p.ReceivedOn, p.ReversedAt, p.ReversalReason, Who = u == null ? null : u.DisplayName })
            .Take(max).ToListAsync(ct);
        var events = new List<TimelineEvent>();
        foreach (var r in rows)
        {
            var amount = Money.Format(r.Amount);
            var subject = $"{amount} ({r.ReceivedOn:yyyy-MM-dd}){(r.Reference is null ? "" : " " + r.Reference)}";
            events.Add(new TimelineEvent(r.CreatedAt, r.Who, "timeline.payment_received", subject));
            if (r.ReversedAt is { } at)
                events.Add(new TimelineEvent(at, null, "timeline.payment_reversed", $"{amount}: {r.ReversalReason}"));
        }
        return events;
    }
}
