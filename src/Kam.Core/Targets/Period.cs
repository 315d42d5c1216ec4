using System.Globalization;
using System.Text.RegularExpressions;

namespace Kam.Core.Targets;

public enum PeriodKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>
/// A period of the business calendar: a month (2026-12), a quarter (2026-Q4) or a year (2026). Targets are set per
/// month; a quarter's and a year's are the sums of their months.
/// </summary>
public sealed partial record Period(PeriodKind Kind, int Year, int Number)
{
    public DateOnly Start => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.Quarter => new DateOnly(Year, (Number * 3) - 2, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The last day, included.</summary>
    public DateOnly End => Kind switch
    {
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>The first days of the months in the period.</summary>
    public IReadOnlyList<DateOnly> Months => Enumerable.Range(0, Kind switch { PeriodKind.Month => 1, PeriodKind.Quarter => 3, _ => 12 })
        .Select(i => Start.AddMonths(i)).ToList();

    public override string ToString() => Kind switch
    {
        PeriodKind.Month => $"{Year:0000}-{Number:00}",
        PeriodKind.Quarter => $"{Year:0000}-Q{Number}",
        _ => $"{Year:0000}",
    };

    public static Period MonthOf(DateOnly day) => new(PeriodKind.Month, day.Year, day.Month);

    /// <summary>2026-12, 2026-Q4 or 2026 (years 2000 to 2100); null for anything else.</summary>
    public static Period? Parse(string? text)
    {
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
            return null;
        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
            return null;
        if (match.Groups["m"].Success)
        {
            var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
            return month is >= 1 and <= 12 ? new Period(PeriodKind.Month, year, month) : null;
        }
        if (match.Groups["q"].Success)
            return new Period(PeriodKind.Quarter, year, int.Parse(match.Groups["q"].Value, CultureInfo.InvariantCulture));
        return new Period(PeriodKind.Year, year, 0);
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-(?<m>\d{2})|-[Qq](?<q>[1-4]))?$")]
    private static partial Regex Pattern();
}
