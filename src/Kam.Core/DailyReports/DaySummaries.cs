using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

/// <summary>The day summary as read; Exists false (and no text) while nobody has written it.</summary>
public sealed record DaySummaryView(DateOnly Date, bool Exists, string? Text, Guid? Version, DateTimeOffset? UpdatedAt, string? UpdatedByName,
    bool CanEdit);

public sealed record DaySummaryInput(string? Text, Guid? Version);

public sealed class DaySummaryInputValidator : AbstractValidator<DaySummaryInput>
{
    public const int TextMax = 8000;

    public DaySummaryInputValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithErrorCode("day_summary.text_required")
            .MaximumLength(TextMax).WithErrorCode("field.too_long");
    }
}

/// <summary>One handed-in report of the day, as the summary draft quotes it.</summary>
public sealed record DaySummarySource(string DisplayName, IReadOnlyList<string> Accounts, string? OtherWork, string? Problems, string? TomorrowPlan);

/// <summary>
/// The department's day summary (部门日汇总): the assistant (or the head) writes it, one per day, from the handed-in
/// reports; every business role reads it.
/// </summary>
public sealed class DaySummaries(IKamDb db, ICurrentUser me, IValidator<DaySummaryInput> validator)
{
    public async Task<Result<DaySummaryView>> Get(DateOnly date, CancellationToken ct = default)
    {
        if (!ReportAccess.ReadsSummary(me))
            return Error.Forbidden();
        var summary = await db.Unscoped<DaySummary>().AsNoTracking().FirstOrDefaultAsync(s => s.Date == date, ct);
        if (summary is null)
            return new DaySummaryView(date, false, null, null, null, null, ReportAccess.CompilesSummary(me));
        var by = summary.UpdatedById is { } id ? await db.Unscoped<User>().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) : null;
        return new DaySummaryView(date, true, summary.Text, summary.Version, summary.UpdatedAt, by, ReportAccess.CompilesSummary(me));
    }

    /// <summary>Writes the day's summary: creates it (no version) or replaces its text (with the version read).</summary>
    public async Task<Result> Save(DateOnly date, DaySummaryInput input, CancellationToken ct = default)
    {
        if (!ReportAccess.CompilesSummary(me))
            return Error.Forbidden("day_summary.only_back_office");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var summary = await db.Unscoped<DaySummary>().AsNoTracking().FirstOrDefaultAsync(s => s.Date == date, ct);
        if (summary is null)
        {
            if (input.Version is not null)
                return Error.Conflict();
            summary = new DaySummary { Date = date, Text = input.Text!.Trim() };
            db.Unscoped<DaySummary>().Add(summary);
            try
            {
                await db.SaveChangesAsync(ct);
                return Result.Success;
            }
            catch (DbUpdateException)
            {
                // Someone wrote the day's summary a moment ago: theirs stays, this writer reloads.
                return Error.Conflict();
            }
            finally
            {
                Untrack.All(db, summary);
            }
        }
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != summary.Version)
            return Error.Conflict();
        db.Unscoped<DaySummary>().Attach(summary);
        db.Entry(summary).Property(s => s.Version).OriginalValue = version;
        summary.Text = input.Text!.Trim();
        var conflict = await db.SaveOrConflictAsync(ct);
        Untrack.All(db, summary);
        return conflict is null ? Result.Success : conflict;
    }

    /// <summary>The handed-in reports of the day, for a first draft of the summary.</summary>
    public async Task<Result<IReadOnlyList<DaySummarySource>>> Sources(DateOnly date, CancellationToken ct = default)
    {
        if (!ReportAccess.CompilesSummary(me))
            return Error.Forbidden("day_summary.only_back_office");
        var reports = await (from r in db.Unscoped<DailyReport>().AsNoTracking()
                             where r.Date == date && r.Status != DailyReportStatus.Draft
                             join u in db.Unscoped<User>() on r.UserId equals u.Id
                             orderby u.DisplayName
                             select new { r.UserId, u.DisplayName, r.OtherWork, r.Problems, r.TomorrowPlan }).ToListAsync(ct);
        var userIds = reports.Select(r => r.UserId).ToList();
        var visited = await (from v in ReportVisits.Done(db)
                             where v.Date == date && userIds.Contains(v.UserId)
                             join a in db.Unscoped<Account>() on v.AccountId equals a.Id
                             select new { v.UserId, v.At, a.Name }).ToListAsync(ct);
        return reports.Select(r => new DaySummarySource(r.DisplayName,
            visited.Where(v => v.UserId == r.UserId).OrderBy(v => v.At).Select(v => v.Name).ToList(),
            r.OtherWork, r.Problems, r.TomorrowPlan)).ToList();
    }
}
