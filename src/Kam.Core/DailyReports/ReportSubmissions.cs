using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

/// <summary>Where one person's report of one day stands. Only Submitted and Reviewed count as handed in.</summary>
public enum SubmissionState
{
    Missing,
    Draft,
    Submitted,
    Reviewed,
}

public sealed record SubmissionRow(Guid UserId, string UserName, string DisplayName, SubmissionState State, Guid? ReportId,
    DateTimeOffset? SubmittedAt, int VisitCount);

public sealed record SubmissionDay(DateOnly Date, int Submitted, int NotSubmitted, int Reviewed, IReadOnlyList<SubmissionRow> People);

/// <summary>One cell of the month grid; State null for a day still to come.</summary>
public sealed record SubmissionCell(DateOnly Date, SubmissionState? State, Guid? ReportId);

public sealed record SubmissionMonthRow(Guid UserId, string DisplayName, IReadOnlyList<SubmissionCell> Cells, int Submitted, int Missing);

public sealed record SubmissionMonth(int Year, int Month, IReadOnlyList<DateOnly> Days, IReadOnlyList<int> SubmittedPerDay,
    IReadOnlyList<SubmissionMonthRow> People);

/// <summary>
/// Who has and has not handed in their report (每日提交情况): every active account manager, for a day or as a month grid
/// of working days (Monday to Friday). For the head, the assistant and the executive.
/// </summary>
public sealed class ReportSubmissions(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public async Task<Result<SubmissionDay>> Day(DateOnly? date, CancellationToken ct = default)
    {
        if (!ReportAccess.ReadsAll(me))
            return Error.Forbidden("daily_report.overview_forbidden");
        var day = date ?? clock.Today();
        var people = await PeopleAsync(ct);
        var reports = await db.Unscoped<DailyReport>().AsNoTracking().Where(r => r.Date == day)
            .Select(r => new { r.Id, r.UserId, r.Status, r.SubmittedAt }).ToDictionaryAsync(r => r.UserId, ct);
        var visits = await ReportVisits.CountsAsync(db, day, day, ct);
        var rows = people.Select(p =>
        {
            var r = reports.GetValueOrDefault(p.Id);
            return new SubmissionRow(p.Id, p.UserName, p.DisplayName, StateOf(r?.Status), r?.Id, r?.SubmittedAt, visits.GetValueOrDefault(p.Id));
        }).OrderBy(r => r.State is SubmissionState.Submitted or SubmissionState.Reviewed).ThenBy(r => r.DisplayName).ToList();
        var handedIn = rows.Count(r => r.State is SubmissionState.Submitted or SubmissionState.Reviewed);
        return new SubmissionDay(day, handedIn, rows.Count - handedIn, rows.Count(r => r.State == SubmissionState.Reviewed), rows);
    }

    public async Task<Result<SubmissionMonth>> Month(int year, int month, CancellationToken ct = default)
    {
        if (!ReportAccess.ReadsAll(me))
            return Error.Forbidden("daily_report.overview_forbidden");
        if (year is < 2000 or > 2100 || month is < 1 or > 12)
            return Error.Validation("month", "daily_report.month_invalid");
        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var days = Enumerable.Range(0, last.Day).Select(first.AddDays)
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var today = clock.Today();
        var people = await PeopleAsync(ct);
        var reports = (await db.Unscoped<DailyReport>().AsNoTracking().Where(r => r.Date >= first && r.Date <= last)
                .Select(r => new { r.Id, r.UserId, r.Date, r.Status }).ToListAsync(ct))
            .ToDictionary(r => (r.UserId, r.Date));
        var rows = people.Select(p =>
        {
            var cells = days.Select(d =>
            {
                var r = reports.GetValueOrDefault((p.Id, d));
                return new SubmissionCell(d, d > today && r is null ? null : StateOf(r?.Status), r?.Id);
            }).ToList();
            var submitted = cells.Count(c => c.State is SubmissionState.Submitted or SubmissionState.Reviewed);
            // Today is not missing yet: the day's report is due by the evening.
            var missing = cells.Count(c => c.Date < today && c.State is (SubmissionState.Missing or SubmissionState.Draft));
            return new SubmissionMonthRow(p.Id, p.DisplayName, cells, submitted, missing);
        }).OrderBy(r => r.DisplayName).ToList();
        var perDay = days.Select((_, i) => rows.Count(r => r.Cells[i].State is SubmissionState.Submitted or SubmissionState.Reviewed)).ToList();
        return new SubmissionMonth(year, month, days, perDay, rows);
    }

    private static SubmissionState StateOf(DailyReportStatus? status) => status switch
    {
        DailyReportStatus.Draft => SubmissionState.Draft,
        DailyReportStatus.Submitted => SubmissionState.Submitted,
        DailyReportStatus.Reviewed => SubmissionState.Reviewed,
        _ => SubmissionState.Missing,
    };

    private sealed record Person(Guid Id, string UserName, string DisplayName);

    /// <summary>The active account managers: those who owe a report.</summary>
    private async Task<List<Person>> PeopleAsync(CancellationToken ct)
    {
        var roleIds = db.Unscoped<Role>().Where(r => r.Name == Roles.AccountManager).Select(r => r.Id);
        return await db.Unscoped<User>().AsNoTracking()
            .Where(u => u.IsActive && db.Unscoped<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)))
            .Select(u => new Person(u.Id, u.UserName!, u.DisplayName)).ToListAsync(ct);
    }
}
