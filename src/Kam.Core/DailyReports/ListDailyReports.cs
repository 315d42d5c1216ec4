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

        var rows = Sorts.Apply(from r in reports
                               join u in db.Unscoped<User>() on r.UserId equals u.Id
                               select new Named { Report = r, DisplayName = u.DisplayName }, paging);
        var done = ReportVisits.Done(db);
        var page = await rows.PageOf(paging)
            .Select(x => new DailyReportRow(x.Report.Id, x.Report.UserId, x.DisplayName, x.Report.Date, x.Report.Status,
                done.Count(v => v.UserId == x.Report.UserId && v.Date == x.Report.Date), x.Report.SubmittedAt, x.Report.ReviewedAt, x.Report.ReviewComment))
            .ToListAsync(ct);
        return new PagedResult<DailyReportRow>(page, total);
    }

    /// <summary>A report with its author's name, so the list can sort by the name.</summary>
    private sealed class Named
    {
        public required DailyReport Report { get; init; }
        public required string DisplayName { get; init; }
    }

    // Status is stored as text: order by the workflow, not the alphabet.
    private static readonly Sorting<Named> Sorts = new Sorting<Named>(q => q.OrderByDescending(x => x.Report.Date).ThenBy(x => x.DisplayName))
        .By("user", x => x.DisplayName, q => q.ThenByDescending(x => x.Report.Date))
        .By("status", x => x.Report.Status == DailyReportStatus.Draft ? 0 : x.Report.Status == DailyReportStatus.Submitted ? 1 : 2,
            q => q.ThenByDescending(x => x.Report.Date).ThenBy(x => x.DisplayName))
        .By("date", x => x.Report.Date, q => q.ThenBy(x => x.DisplayName));
}
