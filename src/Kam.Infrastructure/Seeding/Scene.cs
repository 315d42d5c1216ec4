using Kam.Core.Common;

namespace Kam.Infrastructure.Seeding;

/// <summary>Today, now and the mode; a random source per key and business-time helpers.</summary>
internal sealed record Scene(DateOnly Today, DateTimeOffset Now, bool AtScale, int Seed)
{
    public Random RandomFor(string key)
    {
        // FNV-1a: string.GetHashCode differs between processes, this does not.
        var hash = 2166136261u;
        foreach (var c in key)
            hash = (hash ^ c) * 16777619u;
        return new Random(Seed ^ (int)hash);
    }

    /// <summary>A business-local time of day (minutes after midnight, Asia/Shanghai) on a date, in UTC.</summary>
    public DateTimeOffset At(DateOnly date, int minutes)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        return new DateTimeOffset(local, BusinessClock.Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The last <paramref name="count"/> working days (Monday to Friday) before today, newest first.</summary>
    public List<DateOnly> WorkingDaysBefore(int count)
    {
        var days = new List<DateOnly>(count);
        for (var day = Today.AddDays(-1); days.Count < count; day = day.AddDays(-1))
        {
            if (IsWorkingDay(day))
                days.Add(day);
        }
        return days;
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public static DateOnly WorkingDayFrom(DateOnly day, bool forward)
    {
        while (!IsWorkingDay(day))
            day = day.AddDays(forward ? 1 : -1);
        return day;
    }

    public static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
