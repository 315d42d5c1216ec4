using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

/// <summary>One report with the visits of its day. An account manager opening someone else's report gets 404.</summary>
public sealed class GetDailyReport(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public async Task<Result<DailyReportDetail>> Handle(Guid id, CancellationToken ct = default)
    {
        var report = await db.Read<DailyReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return Error.NotFound("daily_report.not_found");
        return await DetailAsync(report, ct);
    }

    /// <summary>The current account manager's day (today unless said): their report if written, and that day's visits.</summary>
    public async Task<Result<MyReportDay>> Mine(DateOnly? date, CancellationToken ct = default)
    {
        if (!ReportAccess.Writes(me))
            return Error.Forbidden("daily_report.only_account_managers");
        var day = date ?? clock.Today();
        if (day > clock.Today())
            return Error.Validation("date", "daily_report.date_in_future");
        var userId = me.Id!.Value;
        var report = await db.Unscoped<DailyReport>().AsNoTracking().FirstOrDefaultAsync(r => r.UserId == userId && r.Date == day, ct);
        if (report is not null)
        {
            var detail = await DetailAsync(report, ct);
            return new MyReportDay(day, detail, detail.Visits);
        }
        return new MyReportDay(day, null, await ReportVisits.OfAsync(db, userId, day, ct));
    }

    private async Task<DailyReportDetail> DetailAsync(DailyReport r, CancellationToken ct)
    {
        var ids = new[] { r.UserId, r.ReviewedById ?? r.UserId };
        var names = await db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var visits = await ReportVisits.OfAsync(db, r.UserId, r.Date, ct);
        var can = new DailyReportPermissions(
            Edit: r.UserId == me.Id && r.Status != DailyReportStatus.Reviewed,
            Review: ReportAccess.Reviews(me) && r.Status == DailyReportStatus.Submitted);
        return new DailyReportDetail(r.Id, r.UserId, names.GetValueOrDefault(r.UserId, ""), r.Date, r.Status, r.OtherWork, r.Problems,
            r.TomorrowPlan, r.SubmittedAt, r.ReviewedById, r.ReviewedById is { } rid ? names.GetValueOrDefault(rid) : null, r.ReviewedAt,
            r.ReviewComment, r.Version, visits, can);
    }
}
