using Kam.Core.Common;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Visits;

/// <summary>Visits on the account timeline: records with their summary, plans with their purpose.</summary>
public sealed class VisitTimelineSource(IKamDb db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct)
    {
        var rows = await (from v in db.Read<Visit>().AsNoTracking()
                          where v.AccountId == accountId && v.Status != VisitStatus.Cancelled
                          orderby v.Date descending
                          join u in db.Unscoped<User>() on v.UserId equals u.Id
                          select new { v.At, v.Status, v.Summary, v.Purpose, u.DisplayName }).Take(max).ToListAsync(ct);
        return rows.Select(r => r.Status == VisitStatus.Done
                ? new TimelineEvent(r.At, r.DisplayName, "timeline.visit_done", Short(r.Summary))
                : new TimelineEvent(r.At, r.DisplayName, "timeline.visit_planned", Short(r.Purpose)))
            .ToList();
    }

    private static string? Short(string? text) => text is { Length: > 80 } ? text[..80] + "…" : text;
}
