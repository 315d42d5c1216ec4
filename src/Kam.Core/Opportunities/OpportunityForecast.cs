using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Ledger;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>
/// The forecast per month: open projects by expected signing month, unweighted and weighted by their probability,
/// and the projects won in that month (their signing date, which winning sets to the day), per person and for the department. An account
/// manager sees their own.
/// </summary>
public sealed class OpportunityForecast(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public const int MaxMonths = 24;

    public async Task<Result<ForecastReport>> Handle(string? from, string? to, Guid? ownerId, CancellationToken ct = default)
    {
        var thisMonth = new DateOnly(clock.Today().Year, clock.Today().Month, 1);
        var start = string.IsNullOrWhiteSpace(from) ? thisMonth : ListOpportunities.ParseMonth(from);
        if (start is null)
            return Error.Validation("from", "opportunity.month_invalid");
        var last = string.IsNullOrWhiteSpace(to) ? start.Value.AddMonths(5) : ListOpportunities.ParseMonth(to);
        if (last is null)
            return Error.Validation("to", "opportunity.month_invalid");
        if (last < start || (last.Value.Year - start.Value.Year) * 12 + last.Value.Month - start.Value.Month >= MaxMonths)
            return Error.Validation("to", "opportunity.forecast_range", MaxMonths);
        var end = last.Value.AddMonths(1);

        var all = db.Read<Opportunity>().AsNoTracking().Where(o => o.ArchivedAt == null);
        if (!DataScope.SeesAllAccounts(me))
            all = all.Where(o => o.OwnerId == (me.Id ?? Guid.Empty));
        if (ownerId is { } owner)
            all = all.Where(o => o.OwnerId == owner);

        var s = start.Value;
        // Summed in the database per month and person (month first: a GROUP BY led by the person lets SQLite walk the
        // person index instead of the (status, date) range); only those few sums travel.
        var open = (await all.Where(o => o.Status == OpportunityStatus.Open && o.ExpectedSignOn >= s && o.ExpectedSignOn < end)
                .GroupBy(o => new { o.ExpectedSignOn!.Value.Year, o.ExpectedSignOn.Value.Month, o.OwnerId })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.OwnerId, Amount = g.Sum(o => o.ExpectedAmount), Weighted = g.Sum(o => o.ExpectedAmount * o.Probability) })
                .ToListAsync(ct))
            .Select(r => new Row(r.OwnerId, new DateOnly(r.Year, r.Month, 1), r.Amount, r.Weighted)).ToList();
        // The wins from the ledger (a win sets the signing date to the day it was won): sums per month and person.
        var wonMetric = LedgerMetric.Won;
        var wins = db.Read<LedgerDay>().AsNoTracking().Where(f => f.Metric == wonMetric && f.Day >= s && f.Day < end);
        if (!DataScope.SeesAllAccounts(me))
            wins = wins.Where(f => f.PersonId == (me.Id ?? Guid.Empty));
        if (ownerId is { } person)
            wins = wins.Where(f => f.PersonId == person);
        var won = (await wins.GroupBy(f => new { f.Day.Year, f.Day.Month, f.PersonId })
                .Select(g => new { g.Key.Year, g.Key.Month, g.Key.PersonId, Fen = g.Sum(f => f.Fen) })
                .ToListAsync(ct))
            .Select(r => new Row(r.PersonId, new DateOnly(r.Year, r.Month, 1), Kam.Core.Ledger.Fen.ToYuan(r.Fen), 0)).ToList();

        var months = Enumerable.Range(0, (last.Value.Year - s.Year) * 12 + last.Value.Month - s.Month + 1).Select(i => s.AddMonths(i)).ToList();
        var people = open.Select(r => r.OwnerId).Concat(won.Select(r => r.OwnerId)).Distinct().ToList();
        var names = await db.Unscoped<User>().AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var lines = people.Select(p => Line(new Person(p, names.GetValueOrDefault(p, "")), months, open.Where(r => r.OwnerId == p), won.Where(r => r.OwnerId == p)))
            .OrderByDescending(l => l.Weighted).ThenBy(l => l.Person!.DisplayName).ToList();
        return new ForecastReport(s.ToString("yyyy-MM"), last.Value.ToString("yyyy-MM"), months.Select(m => m.ToString("yyyy-MM")).ToList(),
            Line(null, months, open, won), lines);
    }

    private static ForecastLine Line(Person? person, IReadOnlyList<DateOnly> months, IEnumerable<Row> open, IEnumerable<Row> won)
    {
        var openByMonth = open.GroupBy(r => r.On).ToDictionary(g => g.Key, g => (Amount: g.Sum(r => r.Amount), Weighted: g.Sum(r => r.AmountTimesProbability)));
        var wonByMonth = won.GroupBy(r => r.On).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var rows = months.Select(m =>
        {
            var o = openByMonth.GetValueOrDefault(m);
            return new ForecastMonth(m.ToString("yyyy-MM"), o.Amount, Fen(o.Weighted / 100), wonByMonth.GetValueOrDefault(m));
        }).ToList();
        return new ForecastLine(person, rows, rows.Sum(r => r.Open), rows.Sum(r => r.Weighted), rows.Sum(r => r.Won));
    }

    private static decimal Fen(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>One person's sums in one month (<see cref="On"/> is its first day).</summary>
    private sealed record Row(Guid OwnerId, DateOnly On, decimal Amount, decimal AmountTimesProbability);
}
