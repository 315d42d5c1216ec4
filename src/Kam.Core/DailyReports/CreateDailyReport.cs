using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

/// <summary>An account manager writes the report of a day (today unless said), as a draft or submitted; one per day.</summary>
public sealed class CreateDailyReport(IKamDb db, ICurrentUser me, TimeProvider clock, IValidator<DailyReportInput> validator)
{
    public async Task<Result<Guid>> Handle(DailyReportInput input, CancellationToken ct = default)
    {
        if (!ReportAccess.Writes(me))
            return Error.Forbidden("daily_report.only_account_managers");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var userId = me.Id!.Value;
        var date = input.Date ?? clock.Today();
        if (date > clock.Today())
            return Error.Validation("date", "daily_report.date_in_future");
        if (await db.Unscoped<DailyReport>().AnyAsync(r => r.UserId == userId && r.Date == date, ct))
            return Error.Conflict("daily_report.exists");
        if (input.Submit == true && !input.HasText && !await ReportVisits.Done(db).AnyAsync(v => v.UserId == userId && v.Date == date, ct))
            return Error.Validation("otherWork", "daily_report.empty");

        var report = new DailyReport { UserId = userId, Date = date, Status = DailyReportStatus.Draft };
        DailyReportText.Apply(report, input, clock.GetUtcNow());
        db.Unscoped<DailyReport>().Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
            Untrack.All(db, report);
        }
        catch (DbUpdateException)
        {
            // The same person saved the same day a moment ago (another tab): the unique index kept one.
            Untrack.All(db, report);
            return Error.Conflict("daily_report.exists");
        }
        return report.Id;
    }
}
