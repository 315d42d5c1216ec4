using Kam.Core.Common;
using Kam.Core.DailyReports;
using Kam.Core.Expenses;
using Kam.Core.Service;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

/// <summary>
/// The computed indicators of a month for everyone appraised, each from its capability's own figures: the targets'
/// progress (the ledger), the A accounts' coverage, the daily reports against the working calendar, the complaint
/// figures (<see cref="CaseStats"/>, per the case's handler when computed: a case handed over counts for whoever carried
/// it to its resolution or holds it now), the satisfaction index (<see cref="Satisfaction"/>, per the account's owner
/// when answered) and the expense claims. Read as the department (the head, the assistant or the system).
/// </summary>
public sealed class AppraisalFigures(IKamDb db, GetTargetProgress progress, CaseStats cases, Satisfaction satisfaction, WorkCalendars calendars)
{
    private sealed record Figure(decimal? Value, decimal? Actual, decimal? Of);

    public async Task<Dictionary<Guid, List<SheetItem>>> ComputeAsync(DateOnly month, SchemeDefinition scheme, IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var period = Period.MonthOf(month);
        var (start, end) = (period.Start, period.End);
        var sources = scheme.Indicators.Select(i => i.Source).ToHashSet();
        var figures = new Dictionary<(Guid, string), Figure>();

        if (sources.Contains(IndicatorSource.Target))
        {
            var report = await progress.Handle(period.ToString(), null, ct);
            if (report.IsSuccess)
            {
                foreach (var indicator in scheme.Indicators.Where(i => i.Source == IndicatorSource.Target))
                {
                    var metric = report.Value.Metrics.FirstOrDefault(m => m.Metric == indicator.Metric);
                    foreach (var line in metric?.People ?? [])
                    {
                        var target = line.Figure.Levels.Target;
                        figures[(line.Person.Id, indicator.Code)] = new Figure(target > 0 ? Percent(line.Figure.Actual, target) : null, line.Figure.Actual, target);
                    }
                }
            }
        }
        if (sources.Contains(IndicatorSource.ATierCoverage))
        {
            var counts = await GetTargetProgress.CoverageCountsAsync(db, start, end, ct);
            Put(IndicatorSource.ATierCoverage, counts.ToDictionary(c => c.Key, c => new Figure(Percent(c.Value.Visited, c.Value.All), c.Value.Visited, c.Value.All)));
        }
        if (sources.Contains(IndicatorSource.DailyReports))
        {
            var calendar = await calendars.CalendarAsync(ct);
            var days = Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Count(i => calendar.IsWorkingDay(start.AddDays(i)));
            var ids = people.ToList();
            var sent = await db.Unscoped<DailyReport>().AsNoTracking().Where(r => ids.Contains(r.UserId) && r.Date >= start && r.Date <= end && r.Status != DailyReportStatus.Draft)
                .GroupBy(r => r.UserId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var byPerson = sent.ToDictionary(s => s.Key, s => s.Count);
            Put(IndicatorSource.DailyReports, people.ToDictionary(p => p, p =>
            {
                var n = Math.Min(byPerson.GetValueOrDefault(p), days);
                return new Figure(days == 0 ? null : Percent(n, days), n, days);
            }));
        }
        if (sources.Contains(IndicatorSource.CasesOnTime) || sources.Contains(IndicatorSource.CasesSatisfied))
        {
            var stats = await cases.Handle(start, end, "person", nameof(CaseKind.Complaint), ct);
            var groups = stats.IsSuccess ? stats.Value.Groups.Where(g => Guid.TryParse(g.Key, out _)).ToList() : [];
            Put(IndicatorSource.CasesOnTime, groups.ToDictionary(g => Guid.Parse(g.Key), g => new Figure(g.Resolved == 0 ? null : Percent(g.ResolvedOnTime, g.Resolved), g.ResolvedOnTime, g.Resolved)));
            Put(IndicatorSource.CasesSatisfied, groups.ToDictionary(g => Guid.Parse(g.Key), g => new Figure(g.Confirmed == 0 ? null : Percent(g.Satisfied, g.Confirmed), g.Satisfied, g.Confirmed)));
        }
        if (sources.Contains(IndicatorSource.Satisfaction))
        {
            var index = await satisfaction.Handle(start, end, "person", ct);
            var groups = index.IsSuccess ? index.Value.Groups.Where(g => Guid.TryParse(g.Key, out _)).ToList() : [];
            Put(IndicatorSource.Satisfaction, groups.ToDictionary(g => Guid.Parse(g.Key),
                g => new Figure(g.Csat is { } csat ? Math.Round((decimal)csat * 100, 1, MidpointRounding.AwayFromZero) : null, null, g.Answered)));
        }
        if (sources.Contains(IndicatorSource.ExpensesWithinStandard))
        {
            var (from, to) = (BusinessClock.StartOf(start), BusinessClock.StartOf(end.AddDays(1)));
            var ids = people.ToList();
            var claims = await db.Unscoped<ExpenseClaim>().AsNoTracking()
                .Where(c => ids.Contains(c.ClaimantId) && c.SubmittedAt >= from && c.SubmittedAt < to && c.Status != ClaimStatus.Draft && c.Status != ClaimStatus.Cancelled)
                .GroupBy(c => c.ClaimantId).Select(g => new { g.Key, All = g.Count(), Clean = g.Count(c => c.Warnings == null && c.Justification == null) }).ToListAsync(ct);
            Put(IndicatorSource.ExpensesWithinStandard, claims.ToDictionary(c => c.Key, c => new Figure(Percent(c.Clean, c.All), c.Clean, c.All)));
        }

        return people.ToDictionary(p => p, p => scheme.Indicators.Select(i =>
        {
            if (i.Source == IndicatorSource.Rated)
                return new SheetItem(i.Code, i.Name, i.Source, i.Weight, null, null, null, null, null);
            var f = figures.GetValueOrDefault((p, i.Code)) ?? new Figure(null, null, null);
            return new SheetItem(i.Code, i.Name, i.Source, i.Weight, i.Metric, f.Value, f.Actual, f.Of, SchemeRules.Score(i.Rule, f.Value));
        }).ToList());

        void Put(IndicatorSource source, Dictionary<Guid, Figure> byPerson)
        {
            foreach (var indicator in scheme.Indicators.Where(i => i.Source == source))
            {
                foreach (var (person, figure) in byPerson)
                    figures[(person, indicator.Code)] = figure;
            }
        }
    }

    private static decimal Percent(decimal part, decimal whole) => whole == 0 ? 0 : Math.Round(part * 100 / whole, 1, MidpointRounding.AwayFromZero);
}
