using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>One group's satisfaction: answered follow-ups, the average 1–5 score, CSAT (the share of answers averaging 4 or
/// more), and NPS (promoters 9–10 less detractors 0–6, of the NPS answers, in points).</summary>
public sealed record SatisfactionFigures(string Key, string Name, int Answered, decimal? AverageScore, double? Csat, int NpsAnswers, int Promoters, int Detractors, int Low)
{
    public double? Nps => NpsAnswers == 0 ? null : Math.Round(100.0 * (Promoters - Detractors) / NpsAnswers, 1);
}

public sealed record SatisfactionComment(Guid FollowUpId, Guid AccountId, string AccountName, DateTimeOffset AnsweredAt, decimal? Score, int? Nps, string Text);

public sealed record SatisfactionView(DateOnly From, DateOnly To, string GroupBy, SatisfactionFigures Total, IReadOnlyList<SatisfactionFigures> Groups,
    IReadOnlyList<SatisfactionFigures> Months, IReadOnlyList<SatisfactionComment> Comments);

/// <summary>
/// The satisfaction index (满意度指数) of the follow-ups answered in a period that the reader may see, per account, account
/// manager (the account's owner), account category, province or month, with the trend by month and the latest comments.
/// </summary>
public sealed class Satisfaction(IKamDb db, TimeProvider clock, Divisions divisions)
{
    public static readonly string[] Groupings = ["person", "account", "category", "region", "month"];

    private sealed record Fact(Guid FollowUpId, Guid AccountId, string AccountName, Guid OwnerId, AccountCategory Category, string? Province, DateTimeOffset AnsweredAt,
        decimal? Score, int? Nps, bool Low, string? Comment);

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
        var (a, b) = (BusinessClock.StartOf(start), BusinessClock.StartOf(end.AddDays(1)));
        var facts = await (from f in db.Read<FollowUp>().AsNoTracking()
                           where f.Status == FollowUpStatus.Answered && f.AnsweredAt >= a && f.AnsweredAt < b
                           join acc in db.Unscoped<Account>() on f.AccountId equals acc.Id
                           select new Fact(f.Id, f.AccountId, acc.Name, acc.OwnerId, acc.Category, acc.ProvinceCode, f.AnsweredAt!.Value, f.Score, f.Nps, f.Low, f.Comment))
            .ToListAsync(ct);
        var groups = facts.GroupBy(f => by switch
        {
            "person" => f.OwnerId.ToString(),
            "account" => f.AccountId.ToString(),
            "category" => f.Category.ToString(),
            "region" => f.Province ?? "",
            _ => BusinessClock.DateOf(f.AnsweredAt).ToString("yyyy-MM"),
        }).ToList();
        var people = by == "person" ? await PeopleAsync(groups.Select(g => Guid.Parse(g.Key)).ToList(), ct) : [];
        string Name(string key, List<Fact> group) => by switch
        {
            "person" => people.GetValueOrDefault(key, key),
            "account" => group[0].AccountName,
            "category" => Text.Get($"accountcategory.{key}"),
            "region" => key.Length == 0 ? Text.Get("survey.no_region") : divisions.NameOf(key) ?? key,
            _ => key,
        };
        var rows = groups.Select(g => Figures(g.Key, Name(g.Key, g.ToList()), g.ToList()))
            .OrderBy(r => by == "month" ? r.Key : null, StringComparer.Ordinal).ThenByDescending(r => by == "month" ? 0 : r.Answered).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        var months = facts.GroupBy(f => BusinessClock.DateOf(f.AnsweredAt).ToString("yyyy-MM")).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Figures(g.Key, g.Key, g.ToList())).ToList();
        var comments = facts.Where(f => f.Comment is { Length: > 0 }).OrderByDescending(f => f.AnsweredAt).Take(20)
            .Select(f => new SatisfactionComment(f.FollowUpId, f.AccountId, f.AccountName, f.AnsweredAt, f.Score, f.Nps, f.Comment!)).ToList();
        return new SatisfactionView(start, end, by, Figures("total", "", facts), rows, months, comments);
    }

    private static SatisfactionFigures Figures(string key, string name, List<Fact> facts)
    {
        var scored = facts.Where(f => f.Score is not null).ToList();
        var nps = facts.Where(f => f.Nps is not null).ToList();
        return new SatisfactionFigures(key, name, facts.Count, scored.Count == 0 ? null : Math.Round(scored.Average(f => f.Score!.Value), 2),
            scored.Count == 0 ? null : Math.Round((double)scored.Count(f => f.Score >= 4) / scored.Count, 4),
            nps.Count, nps.Count(f => f.Nps >= 9), nps.Count(f => f.Nps <= 6), facts.Count(f => f.Low));
    }

    private async Task<Dictionary<string, string>> PeopleAsync(List<Guid> ids, CancellationToken ct) =>
        await db.Unscoped<User>().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, ct);
}
