using Kam.Core.Common;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>Cases on the account timeline (opened, resolved, closed) and the satisfaction follow-ups answered.</summary>
public sealed class CaseTimelineSource(IKamDb db) : ITimelineSource
{
    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct)
    {
        var cases = await (from c in db.Read<ServiceCase>().AsNoTracking()
                           where c.AccountId == accountId
                           orderby c.ReceivedAt descending
                           join u in db.Unscoped<User>() on c.HandlerId equals u.Id into handlers
                           from u in handlers.DefaultIfEmpty()
                           select new { c.ReceivedAt, c.ResolvedAt, c.ClosedAt, c.Number, c.Title, c.Status, Who = u == null ? null : u.DisplayName }).Take(max).ToListAsync(ct);
        var events = cases.Select(c => new TimelineEvent(c.ReceivedAt, c.Who, "timeline.case_opened", $"{c.Number} {c.Title}")).ToList();
        events.AddRange(cases.Where(c => c.ResolvedAt is not null && c.Status == CaseStatus.Resolved)
            .Select(c => new TimelineEvent(c.ResolvedAt!.Value, c.Who, "timeline.case_resolved", $"{c.Number} {c.Title}")));
        events.AddRange(cases.Where(c => c.ClosedAt is not null).Select(c => new TimelineEvent(c.ClosedAt!.Value, c.Who, "timeline.case_closed", $"{c.Number} {c.Title}")));
        var answered = await db.Read<FollowUp>().AsNoTracking().Where(f => f.AccountId == accountId && f.Status == FollowUpStatus.Answered)
            .OrderByDescending(f => f.AnsweredAt).Take(max).Select(f => new { f.AnsweredAt, f.Title, f.Score, f.Nps }).ToListAsync(ct);
        events.AddRange(answered.Select(f => new TimelineEvent(f.AnsweredAt!.Value, null, "timeline.follow_up_answered",
            $"{f.Title} {f.Score:0.0#}/5{(f.Nps is { } n ? $" · NPS {n}" : "")}")));
        return events;
    }
}
