using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

public sealed record DailyReportQuery
{
    public Guid? User { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public DailyReportStatus? Status { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }

    /// <summary>date (default, newest first with "-date"), user, status; "-" prefix for descending.</summary>
    public string? Sort { get; init; }
}

/// <summary>Reports, newest day first: an account manager's own, everyone's for the head, the assistant and the executive.</summary>
public sealed class ListDailyReports(IKamDb db)
{
    public async Task<PagedResult<DailyReportRow>> Handle(DailyReportQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var reports = db.Read<DailyReport>().AsNoTracking();
        if (q.User is { } user)
            reports = reports.Where(r => r.UserId == user);
        if (q.From is { } from)
            reports = reports.Where(r => r.Date >= from);
        if (q.To is { } to)
            reports = reports.Where(r => r.Date <= to);
        if (q.Status is { } status)
            reports = reports.Where(r => r.Status == status);
        var total = await reports.CountAsync(ct);

        var rows = from r in reports
                   join u in db.Unscoped<User>() on r.UserId equals u.Id
                   select new { r, u.DisplayName };
        rows = (paging.SortField?.ToLowerInvariant(), paging.Descending) switch
        {
            ("user", false) => rows.OrderBy(x => x.DisplayName).ThenByDescending(x => x.r.Date),
            ("user", true) => rows.OrderByDescending(x => x.DisplayName).ThenByDescending(x => x.r.Date),
            // Stored as text: order by the workflow, not the alphabet.
            ("status", false) => rows.OrderBy(x => x.r.Status == DailyReportStatus.Draft ? 0 : x.r.Status == DailyReportStatus.Submitted ? 1 : 2).ThenByDescending(x => x.r.Date).ThenBy(x => x.DisplayName),
            ("status", true) => rows.OrderByDescending(x => x.r.Status == DailyReportStatus.Draft ? 0 : x.r.Status == DailyReportStatus.Submitted ? 1 : 2).ThenByDescending(x => x.r.Date).ThenBy(x => x.DisplayName),
            ("date", false) => rows.OrderBy(x => x.r.Date).ThenBy(x => x.DisplayName),
            _ => rows.OrderByDescending(x => x.r.Date).ThenBy(x => x.DisplayName),
        };
        var done = ReportVisits.Done(db);
        var page = await rows.PageOf(paging)
            .Select(x => new DailyReportRow(x.r.Id, x.r.UserId, x.DisplayName, x.r.Date, x.r.Status,
                done.Count(v => v.UserId == x.r.UserId && v.Date == x.r.Date), x.r.SubmittedAt, x.r.ReviewedAt, x.r.ReviewComment))
            .ToListAsync(ct);
        return new PagedResult<DailyReportRow>(page, total);
    }
}
