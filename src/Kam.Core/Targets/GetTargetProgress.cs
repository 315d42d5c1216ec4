using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Ledger;
using Kam.Core.Opportunities;
using Kam.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Targets;

/// <summary>
/// How far the department and each person are from their targets in a period, computed from the ledger (the
/// department's days for the department, the per-person days for people), never from re-reading the records; the A
/// accounts' visit coverage from the accounts and their visits. An account manager sees their own figures and the
/// department's totals, and the ranking only when the head allows it.
/// </summary>
public sealed class GetTargetProgress(IKamDb db, ICurrentUser me, TimeProvider clock, Settings settings)
{
    public const string RankingSettingKey = "targets.ranking";

    public async Task<Result<TargetProgress>> Handle(string? period, Guid? userId, CancellationToken ct = default)
    {
        if (Period.Parse(period ?? Period.MonthOf(clock.Today()).ToString()) is not { } p)
            return Error.Validation("period", "target.period_invalid");
        var today = clock.Today();
        var (sheets, lines) = await GetTargets.ReadAsync(db, p, ct);
        var people = await TargetAccess.PeopleAsync(db, me, lines.Select(l => l.PersonId).Distinct().ToList(), ct);
        if (userId is { } only)
        {
            people = people.Where(x => x.Id == only).ToList();
            if (people.Count == 0)
                return Error.NotFound("target.person_not_found");
        }
        var seesAll = DataScope.SeesAllAccounts(me);
        var ranking = seesAll || (await settings.GetAsync(RankingSettingKey, new TargetSettings(), ct)).ShowRankingToManagers;
        var (start, end) = (p.Start, p.End);
        var until = end < today ? end : today;
        var total = end.DayNumber - start.DayNumber + 1;
        var elapsed = Math.Clamp(today.DayNumber - start.DayNumber + 1, 0, total);
        var ids = people.Select(x => x.Id).ToList();

        var metrics = new List<ProgressMetric>();
        foreach (var metric in TargetMetrics.All)
        {
            var mine = sheets.Where(s => s.Metric == metric).OrderBy(s => s.Month).ToList();
            var monthOf = mine.ToDictionary(s => s.Id, s => s.Month);
            var departmentLevels = GetTargets.Combine(metric, mine.Select(GetTargets.Levels));
            Dictionary<Guid, decimal> actual;
            decimal departmentActual;
            List<ProgressDay> days = [];
            var monthly = new Dictionary<DateOnly, decimal>();
            Dictionary<Guid, decimal> pipeline = [];
            decimal departmentPipeline = 0;
            if (TargetMetrics.Ledger(metric) is { } ledger)
            {
                var money = TargetMetrics.IsMoney(metric);
                actual = (await db.Read<LedgerDay>().AsNoTracking().Where(d => d.Metric == ledger && d.Day >= start && d.Day <= until && ids.Contains(d.PersonId))
                        .GroupBy(d => d.PersonId).Select(g => new { g.Key, Fen = g.Sum(d => d.Fen), Count = g.Sum(d => d.Count) }).ToListAsync(ct))
                    .ToDictionary(g => g.Key, g => money ? Fen.ToYuan(g.Fen) : g.Count);
                var byDay = await db.Read<LedgerTotal>().AsNoTracking().Where(d => d.Metric == ledger && d.Day >= start && d.Day <= until)
                    .OrderBy(d => d.Day).Select(d => new { d.Day, d.Fen, d.Count }).ToListAsync(ct);
                decimal running = 0;
                foreach (var d in byDay)
                {
                    var value = money ? Fen.ToYuan(d.Fen) : d.Count;
                    running += value;
                    days.Add(new ProgressDay(d.Day, running));
                    var month = new DateOnly(d.Day.Year, d.Day.Month, 1);
                    monthly[month] = monthly.GetValueOrDefault(month) + value;
                }
                departmentActual = running;
                if (metric == TargetMetric.Signed && today < end)
                    (pipeline, departmentPipeline) = await PipelineAsync(today, end, ids, ct);
            }
            else
            {
                (actual, departmentActual) = await CoverageAsync(start, until, ids, ct);
            }

            ProgressFigure Figure(decimal value, TargetLevels levels, decimal expected) => new(value, levels,
                levels.Target > 0 ? Math.Round(value * 100 / levels.Target, 1, MidpointRounding.AwayFromZero) : null,
                Project(metric, value, expected, elapsed, total), null);

            var linesOf = lines.Where(l => monthOf.ContainsKey(l.SheetId)).OrderBy(l => monthOf[l.SheetId]).ToLookup(l => l.PersonId);
            var personLines = people.Select(person => new ProgressPersonLine(person, Figure(actual.GetValueOrDefault(person.Id),
                GetTargets.Combine(metric, linesOf[person.Id].Select(GetTargets.Levels)), pipeline.GetValueOrDefault(person.Id)))).ToList();
            if (ranking)
            {
                var order = personLines.OrderByDescending(l => l.Figure.Percent ?? -1).ThenByDescending(l => l.Figure.Actual).ThenBy(l => l.Person.DisplayName, StringComparer.Ordinal).ToList();
                personLines = order.Select((l, i) => l with { Figure = l.Figure with { Rank = i + 1 } }).ToList();
            }
            // A quarter's or a year's trend by month: the department's actual against its target (a sum; not for a rate).
            var months = p.Kind == PeriodKind.Month || !TargetMetrics.IsSummed(metric)
                ? []
                : Enumerable.Range(0, p.Kind == PeriodKind.Quarter ? 3 : 12).Select(i => start.AddMonths(i))
                    .Select(m => new ProgressMonth(m, monthly.GetValueOrDefault(m), mine.Where(s => s.Month == m).Sum(s => s.Target))).ToList();
            metrics.Add(new ProgressMetric(metric, TargetMetrics.IsMoney(metric), Figure(departmentActual, departmentLevels, departmentPipeline), personLines, days, months));
        }
        return new TargetProgress(p.ToString(), p.Kind, start, end, today, Math.Round(elapsed * 100m / total, 1, MidpointRounding.AwayFromZero), ranking, metrics);
    }

    /// <summary>
    /// Where the period will end at this pace: a rate stays as it is; a sum runs on at its daily rate so far, and the
    /// contracts signed add the weighted projects expected to sign in the rest of the period instead.
    /// </summary>
    private static decimal Project(TargetMetric metric, decimal actual, decimal pipeline, int elapsed, int total)
    {
        if (!TargetMetrics.IsSummed(metric) || elapsed >= total)
            return actual;
        if (metric == TargetMetric.Signed)
            return actual + pipeline;
        return elapsed == 0 ? 0 : Math.Round(actual * total / elapsed, TargetMetrics.IsMoney(metric) ? 2 : 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>The open projects expected to sign after today within the period, weighted by probability, per owner.</summary>
    private async Task<(Dictionary<Guid, decimal> People, decimal Department)> PipelineAsync(DateOnly today, DateOnly end, List<Guid> ids, CancellationToken ct)
    {
        var open = db.Unscoped<Opportunity>().AsNoTracking()
            .Where(o => o.Status == OpportunityStatus.Open && o.ArchivedAt == null && o.ExpectedSignOn > today && o.ExpectedSignOn <= end);
        // Summed as floating point by the database (SQLite sums decimals through a slow function), rounded to the fen here:
        // a projection, not a booked figure.
        var rows = await open.GroupBy(o => o.OwnerId).Select(g => new { g.Key, Weighted = g.Sum(o => (double)o.ExpectedAmount * o.Probability) }).ToListAsync(ct);
        static decimal Yuan(double weighted) => Math.Round((decimal)(weighted / 100), 2, MidpointRounding.AwayFromZero);
        var people = rows.Where(r => ids.Contains(r.Key)).ToDictionary(r => r.Key, r => Yuan(r.Weighted));
        return (people, Yuan(rows.Sum(r => r.Weighted)));
    }

    /// <summary>The share of each person's A accounts (and the department's) with a completed visit in the period, in percent.</summary>
    private async Task<(Dictionary<Guid, decimal> People, decimal Department)> CoverageAsync(DateOnly start, DateOnly until, List<Guid> ids, CancellationToken ct)
    {
        var counts = await CoverageCountsAsync(db, start, until, ct);
        static decimal Percent(int visited, int all) => all == 0 ? 0 : Math.Round(visited * 100m / all, 1, MidpointRounding.AwayFromZero);
        var wanted = ids.ToHashSet();
        var people = counts.Where(c => wanted.Contains(c.Key)).ToDictionary(c => c.Key, c => Percent(c.Value.Visited, c.Value.All));
        // The department's: every A account's, whoever reads it (a rate, no record shown).
        return (people, Percent(counts.Values.Sum(c => c.Visited), counts.Values.Sum(c => c.All)));
    }

    /// <summary>Per owner: how many of their A accounts had a completed visit in the period, of how many.</summary>
    public static async Task<Dictionary<Guid, (int Visited, int All)>> CoverageCountsAsync(IKamDb db, DateOnly start, DateOnly until, CancellationToken ct)
    {
        var a = AccountTier.A;
        var done = VisitStatus.Done;
        // Every A account once, through the tier index, with whether it has a completed visit in the period (one seek
        // in the visits' (account, status, date) index each): a few thousand rows, counted here per owner.
        var rows = await db.Unscoped<Account>().AsNoTracking().Where(x => x.Tier == a && x.ArchivedAt == null && x.Status != AccountStatus.Lost)
            .Select(x => new { x.OwnerId, Visited = db.Unscoped<Visit>().Any(v => v.AccountId == x.Id && v.Status == done && v.Date >= start && v.Date <= until) })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OwnerId).ToDictionary(g => g.Key, g => (g.Count(r => r.Visited), g.Count()));
    }
}

/// <summary>The head's settings of the targets: whether account managers see the department's ranking (off by default).</summary>
public sealed record TargetSettings(bool ShowRankingToManagers = false);

/// <summary>Reads and (the head only) changes <see cref="TargetSettings"/>.</summary>
public sealed class ManageTargetSettings(IKamDb db, ICurrentUser me, Settings settings)
{
    public Task<TargetSettings> Get(CancellationToken ct = default) => settings.GetAsync(GetTargetProgress.RankingSettingKey, new TargetSettings(), ct);

    public async Task<Result<TargetSettings>> Set(TargetSettings input, CancellationToken ct = default)
    {
        if (!(me.IsSystem || me.IsInRole(Kam.Core.Identity.Roles.Head)))
            return Error.Forbidden("target.read_only");
        await settings.SetAsync(GetTargetProgress.RankingSettingKey, input, ct);
        await db.SaveChangesAsync(ct);
        return input;
    }
}
