using Kam.Core.Service;

namespace Kam.Core.Tests;

/// <summary>Working time across weekends, China's public holidays and their make-up working days (调休).</summary>
public sealed class WorkCalendarTests
{
    private static readonly WorkCalendar Calendar = new(WorkCalendars.DefaultPeriods, WorkCalendars.DefaultHolidays, WorkCalendars.DefaultWorkdays);

    private static DateTimeOffset At(int y, int m, int d, int h, int min = 0) => new(y, m, d, h, min, 0, TimeSpan.FromHours(8));

    [Fact]
    public void The_national_day_week_is_skipped_and_its_make_up_saturday_is_worked()
    {
        Assert.Equal(480, Calendar.MinutesPerDay);
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 1)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 10, 10))); // Saturday, 调休上班
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 9, 20))); // Sunday, 调休上班
        Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 10, 11))); // Sunday

        // Wednesday 30 September 17:00: one hour that day, then nothing until Thursday 8 October.
        Assert.Equal(At(2026, 10, 8, 10), Calendar.AddWorkingMinutes(At(2026, 9, 30, 17), 120));
        // Three working days (1,440 minutes): 60 + Thursday 8th + Friday 9th + Saturday 10th until 17:00.
        Assert.Equal(At(2026, 10, 10, 17), Calendar.AddWorkingMinutes(At(2026, 9, 30, 17), 1440));
        Assert.Equal(1440, Calendar.WorkingMinutesBetween(At(2026, 9, 30, 17), At(2026, 10, 10, 17)));
    }

    [Fact]
    public void Lunch_nights_and_weekends_do_not_count_and_a_start_outside_hours_waits_for_the_next_period()
    {
        // Friday 11:30 + 60 minutes: 30 before lunch, 30 after.
        Assert.Equal(At(2029, 3, 9, 13, 30), Calendar.AddWorkingMinutes(At(2029, 3, 9, 11, 30), 60));
        // Friday 17:30 + 60: 30 on Friday, the rest on Monday morning.
        Assert.Equal(At(2029, 3, 12, 9, 30), Calendar.AddWorkingMinutes(At(2029, 3, 9, 17, 30), 60));
        // Saturday night: the clock starts on Monday at 09:00.
        Assert.Equal(At(2029, 3, 12, 9, 15), Calendar.AddWorkingMinutes(At(2029, 3, 10, 22), 15));
        Assert.Equal(60, Calendar.WorkingMinutesBetween(At(2029, 3, 9, 17, 30), At(2029, 3, 12, 9, 30)));
        Assert.Equal(0, Calendar.WorkingMinutesBetween(At(2029, 3, 10, 8), At(2029, 3, 11, 20)));
        Assert.Equal(0, Calendar.WorkingMinutesBetween(At(2029, 3, 12, 10), At(2029, 3, 12, 9)));
        // A deadline exactly at the end of a period is that end, not the next period's start.
        Assert.Equal(At(2029, 3, 12, 12), Calendar.AddWorkingMinutes(At(2029, 3, 12, 9), 180));
    }

    [Fact]
    public void Spring_festival_2026_and_its_two_make_up_saturdays()
    {
        Assert.All(Enumerable.Range(15, 9), d => Assert.False(Calendar.IsWorkingDay(new DateOnly(2026, 2, d))));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 14)));
        Assert.True(Calendar.IsWorkingDay(new DateOnly(2026, 2, 28)));
        // Friday 13 February 17:00 + 120: 60 that day, 60 on Saturday the 14th (worked).
        Assert.Equal(At(2026, 2, 14, 10), Calendar.AddWorkingMinutes(At(2026, 2, 13, 17), 120));
        // From the 14th at 17:00, 120 more: the festival is skipped to Tuesday the 24th.
        Assert.Equal(At(2026, 2, 24, 10), Calendar.AddWorkingMinutes(At(2026, 2, 14, 17), 120));
    }

    [Fact]
    public void The_ninetieth_percentile_is_by_nearest_rank()
    {
        Assert.Null(CaseStats.P90([]));
        Assert.Equal(180, CaseStats.P90([10, 30, 180]));
        Assert.Equal(9, CaseStats.P90(Enumerable.Range(1, 10)));
        Assert.Equal(7, CaseStats.P90([7]));
    }
}
