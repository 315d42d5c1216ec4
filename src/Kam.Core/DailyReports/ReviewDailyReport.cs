using FluentValidation;
using Kam.Core.Common;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

public sealed record ReviewInput(string? Comment, Guid? Version);

public sealed class ReviewInputValidator : AbstractValidator<ReviewInput>
{
    public const int CommentMax = 1000;

    public ReviewInputValidator()
    {
        RuleFor(x => x.Comment).MaximumLength(CommentMax).WithErrorCode("field.too_long");
    }
}

/// <summary>The head reads a submitted report, comments and marks it reviewed; the author is told. After this the report is closed.</summary>
public sealed class ReviewDailyReport(IKamDb db, ICurrentUser me, TimeProvider clock, IValidator<ReviewInput> validator, Notifier notifier)
{
    public async Task<Result> Handle(Guid id, ReviewInput input, CancellationToken ct = default)
    {
        var report = await db.Read<DailyReport>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
            return Error.NotFound("daily_report.not_found");
        if (!ReportAccess.Reviews(me))
            return Error.Forbidden("daily_report.only_head_reviews");
        if (report.UserId == me.Id)
            return Error.Forbidden("daily_report.no_self_review");
        if (report.Status == DailyReportStatus.Draft)
            return Error.Conflict("daily_report.not_submitted");
        if (report.Status == DailyReportStatus.Reviewed)
            return Error.Conflict("daily_report.already_reviewed");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != report.Version)
            return Error.Conflict();

        db.Unscoped<DailyReport>().Attach(report);
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        report.Status = DailyReportStatus.Reviewed;
        report.ReviewComment = DailyReportText.Clean(input.Comment);
        report.ReviewedById = me.Id;
        report.ReviewedAt = clock.GetUtcNow();
        var reviewer = await db.Unscoped<User>().Where(u => u.Id == me.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        notifier.Add(new NotificationMessage(report.UserId, "notify.report_reviewed", $"report_reviewed:{report.Id}", reviewer, report.Date,
            $"/daily-reports/{report.Id}"));
        var conflict = await db.SaveOrConflictAsync(ct);
        Untrack.All(db, report);
        return conflict is null ? Result.Success : conflict;
    }
}
