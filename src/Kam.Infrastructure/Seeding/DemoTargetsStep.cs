using Kam.Core.Ledger;
using Kam.Core.Targets;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// A year of targets for the demo department, so that its progress pages are alive: for every month of this year and
/// every account manager, a target of about a tenth above what they did in the same month a year before (or their
/// monthly average when that month is empty), with a minimum of 80% and a challenge of 120%; the department's the sum
/// of its people's. The actuals are the seeded records' own, from the ledger, so this step runs after it is built.
/// </summary>
public sealed class DemoTargetsStep(KamDbContext db, TimeProvider clock) : ISeedStep
{
    public int Order => 60;

    public bool NeedsDerivedData => true;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<TargetSheet>().AnyAsync(ct))
            return;
        var managers = await TargetAccess.ActiveManagerIdsAsync(db, ct);
        if (managers.Count == 0)
            return;
        var year = Kam.Core.Common.BusinessClock.Today(clock).Year;
        var (from, to) = (new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31));
        var departments = new Dictionary<(TargetMetric, int), decimal>();
        foreach (var metric in TargetMetrics.All)
        {
            // Last year's figures per person and month, from the ledger (a few thousand sums).
            var lastYear = TargetMetrics.Ledger(metric) is { } ledger
                ? (await db.Unscoped<LedgerDay>().AsNoTracking().Where(d => d.Metric == ledger && d.Day >= from && d.Day <= to)
                        .GroupBy(d => new { d.PersonId, d.Day.Month }).Select(g => new { g.Key.PersonId, g.Key.Month, Fen = g.Sum(d => d.Fen), Count = g.Sum(d => d.Count) })
                        .ToListAsync(ct))
                    .ToDictionary(r => (r.PersonId, r.Month), r => TargetMetrics.IsMoney(metric) ? Fen.ToYuan(r.Fen) : r.Count)
                : [];
            for (var month = 1; month <= 12; month++)
            {
                var sheet = new TargetSheet { Month = new DateOnly(year, month, 1), Metric = metric };
                var lines = managers.Select(person => Line(sheet, person, metric, month, lastYear, context.Random)).ToList();
                if (TargetMetrics.IsSummed(metric))
                    (sheet.Minimum, sheet.Target, sheet.Challenge) = (lines.Sum(l => l.Minimum), lines.Sum(l => l.Target), lines.Sum(l => l.Challenge));
                else
                    (sheet.Minimum, sheet.Target, sheet.Challenge) = (80, 90, 100);
                db.Unscoped<TargetSheet>().Add(sheet);
                db.Unscoped<TargetLine>().AddRange(lines);
                departments[(metric, month)] = sheet.Target;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        // Two focus targets a month (专项目标): the leading brand's orders and the dealers' (体系内) collections.
        var brand = await db.Unscoped<Kam.Core.Orders.Product>().AsNoTracking().Where(p => p.IsActive && p.Brand != null)
            .GroupBy(p => p.Brand).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefaultAsync(ct);
        for (var month = 1; month <= 12; month++)
        {
            foreach (var (metric, dimension, value, share) in new (TargetMetric, FocusDimension, string?, decimal)[]
                     {
                         (TargetMetric.Ordered, FocusDimension.Brand, brand, 0.3m),
                         (TargetMetric.Collected, FocusDimension.Category, nameof(Kam.Core.Accounts.AccountCategory.Dealer), 0.4m),
                     })
            {
                var goal = Math.Round(departments.GetValueOrDefault((metric, month)) * share / 100, MidpointRounding.AwayFromZero) * 100;
                if (value is null || goal <= 0)
                    continue;
                db.Unscoped<TargetFocus>().Add(new TargetFocus
                {
                    Month = new DateOnly(year, month, 1),
                    Metric = metric,
                    Dimension = dimension,
                    Value = value,
                    Minimum = Math.Round(goal * 0.8m / 100, MidpointRounding.AwayFromZero) * 100,
                    Target = goal,
                    Challenge = Math.Round(goal * 1.2m / 100, MidpointRounding.AwayFromZero) * 100,
                });
            }
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static TargetLine Line(TargetSheet sheet, Guid person, TargetMetric metric, int month, Dictionary<(Guid, int), decimal> lastYear, Random random)
    {
        if (!TargetMetrics.IsSummed(metric))
            return new TargetLine { SheetId = sheet.Id, PersonId = person, Minimum = 80, Target = 90, Challenge = 100 };
        var mine = lastYear.Where(f => f.Key.Item1 == person).Select(f => f.Value).ToList();
        var basis = lastYear.GetValueOrDefault((person, month));
        if (basis <= 0)
            basis = mine.Count == 0 ? 0 : mine.Average();
        var money = TargetMetrics.IsMoney(metric);
        // About a tenth above last year, varied a little per person; money in whole hundreds, visits whole.
        var goal = basis * (1.05m + (random.Next(11) / 100m));
        goal = money ? Math.Round(goal / 100, MidpointRounding.AwayFromZero) * 100 : Math.Max(1, Math.Round(goal, MidpointRounding.AwayFromZero));
        decimal Level(decimal share) => money ? Math.Round(goal * share / 100, MidpointRounding.AwayFromZero) * 100 : Math.Round(goal * share, MidpointRounding.AwayFromZero);
        return new TargetLine { SheetId = sheet.Id, PersonId = person, Minimum = Level(0.8m), Target = goal, Challenge = Math.Max(goal, Level(1.2m)) };
    }
}
