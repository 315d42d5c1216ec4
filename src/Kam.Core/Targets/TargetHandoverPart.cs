using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Targets;

/// <summary>
/// A leaver's unmet targets (this month's and the months ahead) go to the receiver when the head says so on the
/// handover screen: for each summed metric, what the leaver has not reached of each level moves to the receiver's
/// line and the leaver keeps what they did reach, so the breakdown still adds up to the department's target and
/// past months stay as they were.
/// </summary>
public sealed class TargetHandoverPart(IKamDb db, TimeProvider clock) : IHandoverPart
{
    public string Kind => "handover.targets";

    public int Order => 9;

    public bool Optional => true;

    public async Task<int> CountAsync(Guid userId, CancellationToken ct) => (await UnmetAsync(userId, ct)).Count;

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        (await UnmetAsync(fromUserId, ct)).Take(max)
            .Select(u => $"{Period.MonthOf(u.Sheet.Month)} {Text.Of(u.Sheet.Metric)} {SetTargets.Shown(u.Sheet.Metric, u.Unmet.Target)}").ToList();

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var unmet = await UnmetAsync(fromUserId, ct);
        foreach (var (sheet, line, gap) in unmet)
        {
            var receiver = await db.Unscoped<TargetLine>().FirstOrDefaultAsync(l => l.SheetId == sheet.Id && l.PersonId == toUserId, ct);
            if (receiver is null)
            {
                receiver = new TargetLine { SheetId = sheet.Id, PersonId = toUserId };
                db.Unscoped<TargetLine>().Add(receiver);
            }
            (receiver.Minimum, receiver.Target, receiver.Challenge) = (receiver.Minimum + gap.Minimum, receiver.Target + gap.Target, receiver.Challenge + gap.Challenge);
            (line.Minimum, line.Target, line.Challenge) = (line.Minimum - gap.Minimum, line.Target - gap.Target, line.Challenge - gap.Challenge);
            // The breakdown changed under anyone editing it: their save is stale now.
            sheet.Version = Guid.NewGuid();
        }
        return unmet.Count;
    }

    /// <summary>The leaver's lines from this month on with a summed metric they have not reached, and by how much per level.</summary>
    private async Task<List<(TargetSheet Sheet, TargetLine Line, TargetLevels Unmet)>> UnmetAsync(Guid userId, CancellationToken ct)
    {
        var today = clock.Today();
        var month = new DateOnly(today.Year, today.Month, 1);
        var rows = await (from l in db.Unscoped<TargetLine>()
                          join s in db.Unscoped<TargetSheet>() on l.SheetId equals s.Id
                          where l.PersonId == userId && s.Month >= month && l.Challenge > 0
                          orderby s.Month, s.Metric
                          select new { Sheet = s, Line = l }).ToListAsync(ct);
        var unmet = new List<(TargetSheet, TargetLine, TargetLevels)>();
        foreach (var row in rows.Where(r => TargetMetrics.IsSummed(r.Sheet.Metric)))
        {
            var actual = row.Sheet.Month == month ? Math.Max(0, await ActualAsync(userId, row.Sheet.Metric, month, ct)) : 0m;
            static decimal Gap(decimal level, decimal reached) => Math.Clamp(level - reached, 0, Math.Max(0, level));
            var gap = new TargetLevels(Gap(row.Line.Minimum, actual), Gap(row.Line.Target, actual), Gap(row.Line.Challenge, actual));
            if (gap.Challenge > 0)
                unmet.Add((row.Sheet, row.Line, gap));
        }
        return unmet;
    }

    private async Task<decimal> ActualAsync(Guid userId, TargetMetric metric, DateOnly month, CancellationToken ct)
    {
        if (TargetMetrics.Ledger(metric) is not { } ledger)
            return 0;
        var end = month.AddMonths(1).AddDays(-1);
        var days = db.Unscoped<LedgerDay>().Where(d => d.Metric == ledger && d.PersonId == userId && d.Day >= month && d.Day <= end);
        return TargetMetrics.IsMoney(metric) ? Fen.ToYuan(await days.SumAsync(d => d.Fen, ct)) : await days.SumAsync(d => d.Count, ct);
    }
}
