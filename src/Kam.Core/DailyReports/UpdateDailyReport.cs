using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

/// <summary>The author edits (and may submit) their report until the head has reviewed it.</summary>
public sealed class UpdateDailyReport(IKamDb db, ICurrentUser me, TimeProvider clock, IValidator<DailyReportInput> validator)
{
    public async Task<Result> Handle(Guid id, DailyReportInput input, CancellationToken ct = default)
    {
        var report = await db.Read<DailyReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return Error.NotFound("daily_report.not_found");
        if (report.UserId != me.Id)
            return Error.Forbidden("daily_report.only_author_edits");
        if (report.Status == DailyReportStatus.Reviewed)
            return Error.Conflict("daily_report.reviewed_locked");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != report.Version)
            return Error.Conflict();
        if (input.Submit == true && !input.HasText
            && !await ReportVisits.Done(db).AnyAsync(v => v.UserId == report.UserId && v.Date == report.Date, ct))
            return Error.Validation("otherWork", "daily_report.empty");

        db.Unscoped<DailyReport>().Attach(report);
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        DailyReportText.Apply(report, input, clock.GetUtcNow());
        var conflict = await db.SaveOrConflictAsync(ct);
        Untrack.All(db, report);
        return conflict is null ? Result.Success : conflict;
    }
}
