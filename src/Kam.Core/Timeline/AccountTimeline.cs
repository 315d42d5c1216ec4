using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Timeline;

/// <summary>One event on an account's timeline: when, who, a stable kind code (localised by the UI) and a subject.</summary>
public sealed record TimelineEvent(DateTimeOffset At, string? Who, string Kind, string? Subject);

/// <summary>
/// A capability that puts events on the account timeline (客户 360). The archive adds its own; visits, contracts,
/// orders and complaints add theirs by registering another source.
/// </summary>
public interface ITimelineSource
{
    Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct);
}

/// <summary>The account's timeline, newest first, merged from every source; 404 outside the data scope.</summary>
public sealed class AccountTimeline(IKamDb db, IEnumerable<ITimelineSource> sources)
{
    public async Task<Result<IReadOnlyList<TimelineEvent>>> Handle(Guid accountId, int max = 100, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return Error.NotFound("account.not_found");
        var events = new List<TimelineEvent>();
        foreach (var source in sources)
            events.AddRange(await source.EventsAsync(accountId, max, ct));
        return events.OrderByDescending(e => e.At).Take(max).ToList();
    }
}
