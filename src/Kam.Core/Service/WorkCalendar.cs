using Kam.Core.Common;

namespace Kam.Core.Service;

/// <summary>A stretch of a working day, in Asia/Shanghai local time (09:00–12:00).</summary>
public sealed record WorkPeriod(TimeOnly Start, TimeOnly End);

/// <summary>
/// The department's working time (工作日历): the periods of a working day, and the dates that break the week's rule —
/// public holidays (法定节假日) off, and the weekend days worked in exchange (调休上班). Deadlines counted in working
/// hours (a complaint's SLA) are computed through it. Pure: built from the stored setting, no database.
/// </summary>
public sealed class WorkCalendar
{
    private readonly IReadOnlyList<WorkPeriod> _periods;
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workdays;

    public WorkCalendar(IReadOnlyList<WorkPeriod> periods, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workdays)
    {
        _periods = periods.OrderBy(p => p.Start).ToList();
        _holidays = holidays.ToHashSet();
        _workdays = workdays.ToHashSet();
        MinutesPerDay = _periods.Sum(p => (int)(p.End - p.Start).TotalMinutes);
    }

    /// <summary>Working minutes in a working day (480 for 09:00–12:00 and 13:00–18:00).</summary>
    public int MinutesPerDay { get; }

    public bool IsWorkingDay(DateOnly date) =>
        _workdays.Contains(date) || (!_holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>The instant <paramref name="minutes"/> working minutes after <paramref name="from"/> (a start outside working
    /// time counts from the next working period's start).</summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset from, int minutes)
    {
        var local = TimeZoneInfo.ConvertTime(from, BusinessClock.Zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var left = Math.Max(0, minutes);
        // A year of days at most: a calendar without working days (or a deadline beyond reason) stops there.
        for (var i = 0; i < 800; i++, date = date.AddDays(1), time = TimeOnly.MinValue)
        {
            if (!IsWorkingDay(date))
                continue;
            foreach (var p in _periods)
            {
                if (time >= p.End)
                    continue;
                var start = time > p.Start ? time : p.Start;
                var available = (int)(p.End - start).TotalMinutes;
                if (left <= available)
                    return Instant(date, start.AddMinutes(left));
                left -= available;
            }
        }
        return from.AddDays(800);
    }

    /// <summary>Working minutes from <paramref name="from"/> to <paramref name="to"/> (0 when <paramref name="to"/> is not later).</summary>
    public int WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return 0;
        var a = TimeZoneInfo.ConvertTime(from, BusinessClock.Zone).DateTime;
        var b = TimeZoneInfo.ConvertTime(to, BusinessClock.Zone).DateTime;
        var total = 0;
        for (var date = DateOnly.FromDateTime(a); date <= DateOnly.FromDateTime(b); date = date.AddDays(1))
        {
            if (!IsWorkingDay(date))
                continue;
            var dayStart = date == DateOnly.FromDateTime(a) ? TimeOnly.FromDateTime(a) : TimeOnly.MinValue;
            var dayEnd = date == DateOnly.FromDateTime(b) ? TimeOnly.FromDateTime(b) : TimeOnly.MaxValue;
            foreach (var p in _periods)
            {
                var s = p.Start > dayStart ? p.Start : dayStart;
                var e = p.End < dayEnd ? p.End : dayEnd;
                if (e > s)
                    total += (int)(e - s).TotalMinutes;
            }
        }
        return total;
    }

    private static DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, BusinessClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
