using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>The calendar as stored and edited: working periods, holidays and make-up working days, and its version.</summary>
public sealed record WorkCalendarView(IReadOnlyList<WorkPeriod> Periods, IReadOnlyList<DateOnly> Holidays, IReadOnlyList<DateOnly> Workdays, Guid? Version);

public sealed record WorkCalendarInput(IReadOnlyList<WorkPeriod>? Periods, IReadOnlyList<DateOnly>? Holidays, IReadOnlyList<DateOnly>? Workdays, Guid? Version);

/// <summary>
/// Reads and edits the work calendar (setting <c>calendar.work</c>; the admin edits it). Shipped: 09:00–12:00 and
/// 13:00–18:00, and China's public holidays with their make-up working days for 2025 and 2026 as the State Council
/// published them; 2027's are the statutory days only, until its arrangement is published and the admin adds it.
/// </summary>
public sealed class WorkCalendars(IKamDb db, ICurrentUser me, Settings settings)
{
    public const string Key = "calendar.work";

    private sealed record Stored(List<WorkPeriod> Periods, List<DateOnly> Holidays, List<DateOnly> Workdays);

    public static IReadOnlyList<WorkPeriod> DefaultPeriods { get; } = [new(new(9, 0), new(12, 0)), new(new(13, 0), new(18, 0))];

    private static IEnumerable<DateOnly> Days(int y, int m, int d, int count) => Enumerable.Range(0, count).Select(i => new DateOnly(y, m, d).AddDays(i));

    public static IReadOnlyList<DateOnly> DefaultHolidays { get; } =
    [
        // 2025: 元旦, 春节, 清明, 劳动节, 端午, 国庆·中秋.
        .. Days(2025, 1, 1, 1), .. Days(2025, 1, 28, 8), .. Days(2025, 4, 4, 3), .. Days(2025, 5, 1, 5), .. Days(2025, 5, 31, 3), .. Days(2025, 10, 1, 8),
        // 2026: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆.
        .. Days(2026, 1, 1, 3), .. Days(2026, 2, 15, 9), .. Days(2026, 4, 4, 3), .. Days(2026, 5, 1, 5), .. Days(2026, 6, 19, 3), .. Days(2026, 9, 25, 3), .. Days(2026, 10, 1, 7),
        // 2027, statutory days only: 元旦, 春节 (初一 2月6日 and the days around it), 清明, 劳动节, 端午, 中秋, 国庆.
        .. Days(2027, 1, 1, 1), .. Days(2027, 2, 5, 4), .. Days(2027, 4, 5, 1), .. Days(2027, 5, 1, 2), .. Days(2027, 6, 9, 1), .. Days(2027, 9, 15, 1), .. Days(2027, 10, 1, 3),
    ];

    public static IReadOnlyList<DateOnly> DefaultWorkdays { get; } =
    [
        new(2025, 1, 26), new(2025, 2, 8), new(2025, 4, 27), new(2025, 9, 28), new(2025, 10, 11),
        new(2026, 1, 4), new(2026, 2, 14), new(2026, 2, 28), new(2026, 5, 9), new(2026, 9, 20), new(2026, 10, 10),
    ];

    public async Task<WorkCalendarView> Get(CancellationToken ct = default)
    {
        var stored = await settings.GetAsync<Stored?>(Key, null, ct);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        return stored is { Periods.Count: > 0 }
            ? new WorkCalendarView(stored.Periods, stored.Holidays ?? [], stored.Workdays ?? [], version)
            : new WorkCalendarView(DefaultPeriods, DefaultHolidays, DefaultWorkdays, version);
    }

    public async Task<WorkCalendar> CalendarAsync(CancellationToken ct = default)
    {
        var view = await Get(ct);
        return new WorkCalendar(view.Periods, view.Holidays, view.Workdays);
    }

    public async Task<Result<WorkCalendarView>> Update(WorkCalendarInput input, CancellationToken ct = default)
    {
        if (!me.IsInRole(Roles.Admin))
            return Error.Forbidden("calendar.admin_only");
        var errors = new List<FieldError>();
        var periods = (input.Periods ?? []).Where(p => p is not null).OrderBy(p => p.Start).ToList();
        if (periods.Count is 0 or > 6)
            errors.Add(new FieldError("periods", "calendar.periods_required"));
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].End <= periods[i].Start || (i > 0 && periods[i].Start < periods[i - 1].End))
                errors.Add(new FieldError($"periods[{i}]", "calendar.period_invalid"));
        }
        var holidays = (input.Holidays ?? []).Distinct().Order().ToList();
        var workdays = (input.Workdays ?? []).Distinct().Order().ToList();
        if (holidays.Count > 2000 || holidays.Any(d => d.Year is < 2000 or > 2100))
            errors.Add(new FieldError("holidays", "field.invalid"));
        if (workdays.Count > 2000 || workdays.Any(d => d.Year is < 2000 or > 2100))
            errors.Add(new FieldError("workdays", "field.invalid"));
        if (holidays.Intersect(workdays).FirstOrDefault() is { } both && both != default)
            errors.Add(new FieldError("workdays", "calendar.day_both", both.ToString("yyyy-MM-dd")));
        if (errors.Count > 0)
            return Error.Validation(errors);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        if (version != input.Version)
            return Error.Conflict();
        var setting = await settings.SetAsync(Key, new Stored(periods, holidays, workdays), ct);
        if (version is { } seen)
            db.Entry(setting).Property(s => s.Version).OriginalValue = seen;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return await Get(ct);
    }
}
