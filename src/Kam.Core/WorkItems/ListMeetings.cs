using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

public sealed record MeetingQuery
{
    /// <summary>Title, location or agenda contains.</summary>
    public string? Search { get; init; }

    /// <summary>Business dates (Asia/Shanghai), both included.</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }

    /// <summary>false (default): current meetings; true: the archived ones.</summary>
    public bool? Archived { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
}

public sealed class ListMeetings(IKamDb db)
{
    private static readonly Sorting<Meeting> Sorts = new Sorting<Meeting>(q => q.OrderByDescending(m => m.At).ThenBy(m => m.Id))
        .By("title", m => m.Title, q => q.ThenBy(m => m.Id))
        .By("at", m => m.At, q => q.ThenBy(m => m.Id));


    public async Task<PagedResult<MeetingRow>> Handle(MeetingQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var meetings = db.Read<Meeting>().AsNoTracking();
        meetings = q.Archived == true ? meetings.Where(m => m.ArchivedAt != null) : meetings.Where(m => m.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim().ToLowerInvariant()) + "%";
            meetings = meetings.Where(m => EF.Functions.Like(m.Title.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(m.Location!.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(m.Agenda!.ToLower(), pattern, Like.EscapeCharacter));
        }
        if (q.From is { } from)
        {
            var start = StartOf(from);
            meetings = meetings.Where(m => m.At >= start);
        }
        if (q.To is { } to)
        {
            var end = StartOf(to.AddDays(1));
            meetings = meetings.Where(m => m.At < end);
        }
        var total = await meetings.CountAsync(ct);
        meetings = Sorts.Apply(meetings, paging);
        var visibleItems = db.Read<WorkItem>();
        var rows = await meetings.PageOf(paging)
            .Select(m => new MeetingRow(m.Id, m.Title, m.At, m.Location, m.Attendees.Count,
                visibleItems.Count(w => w.MeetingId == m.Id),
                visibleItems.Count(w => w.MeetingId == m.Id && (w.Status == WorkItemStatus.Open || w.Status == WorkItemStatus.InProgress)),
                m.ArchivedAt != null))
            .ToListAsync(ct);
        return new PagedResult<MeetingRow>(rows, total);
    }

    private static DateTimeOffset StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, BusinessClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
