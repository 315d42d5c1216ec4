using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Targets;

/// <summary>The targets of a period, per metric: the department's and each person's the reader may see.</summary>
public sealed class GetTargets(IKamDb db, ICurrentUser me)
{
    public async Task<Result<TargetBreakdown>> Handle(string? period, CancellationToken ct = default)
    {
        if (Period.Parse(period) is not { } p)
            return Error.Validation("period", "target.period_invalid");
        var (sheets, lines) = await ReadAsync(db, p, ct);
        var people = await TargetAccess.PeopleAsync(db, me, lines.Select(l => l.PersonId).Distinct().ToList(), ct);
        var monthly = p.Kind == PeriodKind.Month;
        var views = TargetMetrics.All.Select(metric =>
        {
            var mine = sheets.Where(s => s.Metric == metric).OrderBy(s => s.Month).ToList();
            var monthOf = mine.ToDictionary(s => s.Id, s => s.Month);
            var department = Combine(metric, mine.Select(Levels));
            var linesOf = lines.Where(l => monthOf.ContainsKey(l.SheetId)).OrderBy(l => monthOf[l.SheetId]).ToLookup(l => l.PersonId);
            var personLines = people.Select(person => new TargetPersonLine(person, Combine(metric, linesOf[person.Id].Select(Levels)), true)).ToList();
            var sum = personLines.Aggregate(TargetLevels.Zero, (a, l) => a.Plus(l.Levels));
            return new TargetSheetView(metric, TargetMetrics.IsMoney(metric), TargetMetrics.IsSummed(metric),
                monthly ? mine.FirstOrDefault()?.Version : SetTargets.Fingerprint(mine), department, personLines, sum,
                TargetMetrics.IsSummed(metric) ? department.Target - sum.Target : 0);
        }).ToList();
        return new TargetBreakdown(p.ToString(), p.Kind, p.Start, p.End, TargetAccess.Manages(me), views);
    }

    /// <summary>The sheets of the period's months and the lines of them the reader sees.</summary>
    public static async Task<(List<TargetSheet> Sheets, List<TargetLine> Lines)> ReadAsync(IKamDb db, Period p, CancellationToken ct)
    {
        var (start, end) = (p.Start, p.End);
        var sheets = await db.Read<TargetSheet>().AsNoTracking().Where(s => s.Month >= start && s.Month <= end).ToListAsync(ct);
        var ids = sheets.Select(s => s.Id).ToList();
        var lines = await db.Read<TargetLine>().AsNoTracking().Where(l => ids.Contains(l.SheetId)).ToListAsync(ct);
        return (sheets, lines);
    }

    public static TargetLevels Levels(TargetSheet s) => new(s.Minimum, s.Target, s.Challenge);

    public static TargetLevels Levels(TargetLine l) => new(l.Minimum, l.Target, l.Challenge);

    /// <summary>A period's levels from its months': summed, or for a rate the latest month's.</summary>
    public static TargetLevels Combine(TargetMetric metric, IEnumerable<TargetLevels> months)
    {
        var list = months.ToList();
        if (list.Count == 0)
            return TargetLevels.Zero;
        return TargetMetrics.IsSummed(metric) ? list.Aggregate(TargetLevels.Zero, (a, m) => a.Plus(m)) : list[^1];
    }
}
