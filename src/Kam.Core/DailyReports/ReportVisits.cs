using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

/// <summary>
/// The visits a daily report shows: the author's done visits of that day, read live from the records. They are read
/// beyond the data scope, since a report shows its author's own day even after an account was handed over.
/// </summary>
public static class ReportVisits
{
    public static IQueryable<Visit> Done(IKamDb db) => db.Unscoped<Visit>().Where(v => v.Status == VisitStatus.Done);

    public static async Task<IReadOnlyList<ReportVisit>> OfAsync(IKamDb db, Guid userId, DateOnly date, CancellationToken ct)
    {
        var rows = await (from v in Done(db)
                          where v.UserId == userId && v.Date == date
                          join a in db.Unscoped<Account>() on v.AccountId equals a.Id
                          select new { v.Id, v.AccountId, a.Name, v.At, v.DurationMinutes, v.Summary, v.Outcome, v.NextStep })
            .AsNoTracking().ToListAsync(ct);
        return rows
            .Select(r => new ReportVisit(r.Id, r.AccountId, r.Name, r.At, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.At, BusinessClock.Zone).DateTime),
                r.DurationMinutes, r.Summary, r.Outcome, r.NextStep))
            .OrderBy(r => r.At).ToList();
    }

    /// <summary>How many done visits each person logged on a day.</summary>
    public static async Task<Dictionary<Guid, int>> CountsAsync(IKamDb db, DateOnly from, DateOnly to, CancellationToken ct) =>
        await Done(db).Where(v => v.Date >= from && v.Date <= to).GroupBy(v => v.UserId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
}
