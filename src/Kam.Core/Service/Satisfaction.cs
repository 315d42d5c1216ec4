using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>One group's satisfaction: answered follow-ups, the average 1–5 score, CSAT (the share of answers averaging 4 or
/// more), and NPS (promoters 9–10 less detractors 0–6, of the NPS answers, in points).</summary>
public sealed record SatisfactionFigures(string Key, string Name, int Answered, double? AverageScore, double? Csat, int NpsAnswers, int Promoters, int Detractors, int Low)
{
    public double? Nps => NpsAnswers == 0 ? null : Math.Round(100.0 * (Promoters - Detractors) / NpsAnswers, 1);
}

public sealed record SatisfactionComment(Guid FollowUpId, Guid AccountId, string AccountName, DateTimeOffset AnsweredAt, double? Score, int? Nps, string Text);

public sealed record SatisfactionView(DateOnly From, DateOnly To, string GroupBy, SatisfactionFigures Total, IReadOnlyList<SatisfactionFigures> Groups,
    IReadOnlyList<SatisfactionFigures> Months, IReadOnlyList<SatisfactionComment> Comments);

/// <summary>
/// The satisfaction index (满意度指数) of the follow-ups answered in a period that the reader may see, per account, account
/// manager (who owned the account when it was answered), account category, province or month, with the trend by month and the latest comments.
/// Summed in the database, a row per group (a year of a big book is tens of thousands of answers): every figure is a
/// count or a sum, so the total is the groups added up.
/// </summary>
public sealed class Satisfaction(IKamDb db, TimeProvider clock, Divisions divisions)
{
    public static readonly string[] Groupings = ["person", "account", "category", "region", "month"];

    public const int MaxGroups = 500;

    private sealed record Sums(string Key, int Answered, int Scored, double ScoreSum, int Satisfied, int NpsAnswers, int Promoters, int Detractors, int Low);

    public async Task<Result<SatisfactionView>> Handle(DateOnly? from, DateOnly? to, string? groupBy, CancellationToken ct = default)
    {
        var today = clock.Today();
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? today;
        var by = string.IsNullOrEmpty(groupBy) ? "person" : groupBy.ToLowerInvariant();
        if (!Groupings.Contains(by))
            return Error.Validation("groupBy", "field.invalid");
        if (end < start || start.Year < 2000 || end.Year > 2100 || end.DayNumber - start.DayNumber > 3 * 366)
            return Error.Validation("to", "case.stats_period_invalid");
        var answered = db.Read<FollowUp>().AsNoTracking().Where(f => f.Status == FollowUpStatus.Answered && f.AnsweredOn >= start && f.AnsweredOn <= end);
        var withAccount = from f in answered join a in db.Unscoped<Account>() on f.AccountId equals a.Id select new { f, a.Category, a.ProvinceCode };
        var months = (await Aggregate(answered.GroupBy(f => f.AnsweredOn!.Value.Year * 100 + f.AnsweredOn!.Value.Month), ct))
            .Select(m => m with { Key = $"{int.Parse(m.Key, System.Globalization.CultureInfo.InvariantCulture) / 100:0000}-{int.Parse(m.Key, System.Globalization.CultureInfo.InvariantCulture) % 100:00}" })
            .OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        var sums = by switch
        {
            "person" => await Aggregate(answered.GroupBy(f => f.OwnerId ?? Guid.Empty), ct),
            "account" => await Aggregate(answered.GroupBy(f => f.AccountId), ct),
            "category" => await Aggregate(withAccount.GroupBy(x => x.Category, x => x.f), ct),
            "region" => await Aggregate(withAccount.GroupBy(x => x.ProvinceCode ?? "", x => x.f), ct),
            _ => months,
        };
        var names = await NamesAsync(by, sums.OrderByDescending(s => s.Answered).Take(MaxGroups).Select(s => s.Key).ToList(), ct);
        // At most the 500 groups with the most answers (a year by account is thousands of rows); the total counts them all.
        var rows = sums.OrderByDescending(s => s.Answered).Take(MaxGroups).Select(s => Figures(s, names.GetValueOrDefault(s.Key, s.Key)))
            .OrderBy(r => by == "month" ? r.Key : null, StringComparer.Ordinal).ThenByDescending(r => by == "month" ? 0 : r.Answered).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var total = Figures(new Sums("total", sums.Sum(s => s.Answered), sums.Sum(s => s.Scored), sums.Sum(s => s.ScoreSum), sums.Sum(s => s.Satisfied),
            sums.Sum(s => s.NpsAnswers), sums.Sum(s => s.Promoters), sums.Sum(s => s.Detractors), sums.Sum(s => s.Low)), "");
        // The latest twenty comments, newest first from the (status, answered at) index, then their accounts' names: joining
        // first would look up the account of every answer of the period.
        var (first, after) = (BusinessClock.StartOf(start), BusinessClock.StartOf(end.AddDays(1)));
        var latest = await db.Read<FollowUp>().AsNoTracking()
            .Where(f => f.Status == FollowUpStatus.Answered && f.AnsweredAt >= first && f.AnsweredAt < after && f.Comment != null)
            .OrderByDescending(f => f.AnsweredAt).Take(20)
            .Select(f => new { f.Id, f.AccountId, f.AnsweredAt, f.Score, f.Nps, f.Comment }).ToListAsync(ct);
        var commented = latest.Select(c => c.AccountId).Distinct().ToList();
        var accountNames = await db.Unscoped<Account>().Where(a => commented.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var comments = latest.Select(c => new SatisfactionComment(c.Id, c.AccountId, accountNames.GetValueOrDefault(c.AccountId, ""), c.AnsweredAt!.Value, c.Score, c.Nps,
            c.Comment!)).ToList();
        return new SatisfactionView(start, end, by, total, rows, months.Select(m => Figures(m, m.Key)).ToList(), comments);
    }

    private static async Task<List<Sums>> Aggregate<TKey>(IQueryable<IGrouping<TKey, FollowUp>> groups, CancellationToken ct) =>
        (await groups.Select(g => new
        {
            g.Key,
            Answered = g.Count(),
            Scored = g.Count(f => f.Score != null),
            ScoreSum = g.Sum(f => f.Score ?? 0),
            Satisfied = g.Count(f => f.Score >= 4),
            NpsAnswers = g.Count(f => f.Nps != null),
            Promoters = g.Count(f => f.Nps >= 9),
            Detractors = g.Count(f => f.Nps <= 6),
            Low = g.Count(f => f.Low),
        }).ToListAsync(ct)).Select(g => new Sums(Convert.ToString(g.Key, System.Globalization.CultureInfo.InvariantCulture) ?? "", g.Answered, g.Scored, g.ScoreSum,
            g.Satisfied, g.NpsAnswers, g.Promoters, g.Detractors, g.Low)).ToList();

    private static SatisfactionFigures Figures(Sums s, string name) =>
        new(s.Key, name, s.Answered, s.Scored == 0 ? null : Math.Round(s.ScoreSum / s.Scored, 2), s.Scored == 0 ? null : Math.Round((double)s.Satisfied / s.Scored, 4),
            s.NpsAnswers, s.Promoters, s.Detractors, s.Low);

    private async Task<Dictionary<string, string>> NamesAsync(string by, List<string> keys, CancellationToken ct)
    {
        switch (by)
        {
            case "person":
                var people = keys.Select(Guid.Parse).ToList();
                return await db.Unscoped<User>().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, ct);
            case "account":
                var ids = keys.Select(Guid.Parse).ToList();
                var names = new Dictionary<string, string>();
                foreach (var chunk in ids.Chunk(2000))
                {
                    foreach (var a in await db.Unscoped<Account>().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
                        names[a.Id.ToString()] = a.Name;
                }
                return names;
            case "category":
                return keys.ToDictionary(k => k, k => Text.Get($"accountcategory.{k}"));
            case "region":
                return keys.ToDictionary(k => k, k => k.Length == 0 ? Text.Get("survey.no_region") : divisions.NameOf(k) ?? k);
            default:
                return [];
        }
    }
}
