using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>One group's complaint figures: counts, on-time rates, average and 90th-percentile working minutes, the reopen
/// rate and the customer-satisfied rate (of the confirmations recorded). Rates are null when nothing was counted.</summary>
public sealed record CaseFigures(string Key, string Name, int Count, int Responded, int RespondedOnTime, int Resolved, int ResolvedOnTime,
    double? AverageResponseMinutes, int? P90ResponseMinutes, double? AverageResolutionMinutes, int? P90ResolutionMinutes, int Reopened, int Confirmed, int Satisfied)
{
    public double? ResponseOnTimeRate => Responded == 0 ? null : (double)RespondedOnTime / Responded;

    public double? ResolutionOnTimeRate => Resolved == 0 ? null : (double)ResolvedOnTime / Resolved;

    public double? ReopenRate => Count == 0 ? null : (double)Reopened / Count;

    public double? SatisfiedRate => Confirmed == 0 ? null : (double)Satisfied / Confirmed;
}

public sealed record CaseStatsView(DateOnly From, DateOnly To, string GroupBy, CaseFigures Total, IReadOnlyList<CaseFigures> Groups);

/// <summary>
/// The complaint figures (for the appraisal and the monthly report) of the cases received in a period that the reader
/// may see, per handler, account, category or month. A response is on time when no response breach was recorded, a
/// resolution when no resolution breach was; times are working minutes (the resolution's less the waits).
/// </summary>
public sealed class CaseStats(IKamDb db, TimeProvider clock, ServicePolicies policies)
{
    public static readonly string[] Groupings = ["person", "account", "category", "month", "kind", "severity"];

    private sealed record Row(Guid Id, string? Text, int? Number, CaseStatus Status, int? ResponseMinutes, int? ResolutionMinutes, bool ResponseBreached,
        bool ResolutionBreached, bool Reopened, bool? Satisfied);

    private sealed record Fact(string Key, Row Row);

    private static async Task<List<Fact>> Facts(IQueryable<Row> rows, Func<Row, string> key, CancellationToken ct) =>
        (await rows.ToListAsync(ct)).Select(r => new Fact(key(r), r)).ToList();

    public async Task<Result<CaseStatsView>> Handle(DateOnly? from, DateOnly? to, string? groupBy, string? kind, CancellationToken ct = default)
    {
        var today = clock.Today();
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? today;
        var by = string.IsNullOrEmpty(groupBy) ? "person" : groupBy.ToLowerInvariant();
        if (!Groupings.Contains(by))
            return Error.Validation("groupBy", "field.invalid");
        if (end < start || start.Year < 2000 || end.Year > 2100 || end.DayNumber - start.DayNumber > 3 * 366)
            return Error.Validation("to", "case.stats_period_invalid");
        var cases = db.Read<ServiceCase>().AsNoTracking().Where(c => c.ReceivedAt >= BusinessClock.StartOf(start) && c.ReceivedAt < BusinessClock.StartOf(end.AddDays(1)));
        if (kind is { Length: > 0 })
        {
            if (!Enum.TryParse<CaseKind>(kind, true, out var k) || !Enum.IsDefined(k))
                return Error.Validation("kind", "field.invalid");
            cases = cases.Where(c => c.Kind == k);
        }
        // Only the grouping's own column and the figures' few: a year of a big book is tens of thousands of cases.
        var facts = by switch
        {
            "person" => await Facts(cases.Select(c => new Row(c.HandlerId, null, null, c.Status, c.ResponseMinutes, c.ResolutionMinutes, c.ResponseBreachedAt != null,
                c.ResolutionBreachedAt != null, c.ReopenCount > 0, c.CustomerSatisfied)), r => r.Id.ToString(), ct),
            "account" => await Facts(cases.Select(c => new Row(c.AccountId, null, null, c.Status, c.ResponseMinutes, c.ResolutionMinutes, c.ResponseBreachedAt != null,
                c.ResolutionBreachedAt != null, c.ReopenCount > 0, c.CustomerSatisfied)), r => r.Id.ToString(), ct),
            "category" => await Facts(cases.Select(c => new Row(Guid.Empty, c.Category, null, c.Status, c.ResponseMinutes, c.ResolutionMinutes, c.ResponseBreachedAt != null,
                c.ResolutionBreachedAt != null, c.ReopenCount > 0, c.CustomerSatisfied)), r => r.Text!, ct),
            "kind" => await Facts(cases.Select(c => new Row(Guid.Empty, null, (int)c.Kind, c.Status, c.ResponseMinutes, c.ResolutionMinutes, c.ResponseBreachedAt != null,
                c.ResolutionBreachedAt != null, c.ReopenCount > 0, c.CustomerSatisfied)), r => ((CaseKind)r.Number!).ToString(), ct),
            "severity" => await Facts(cases.Select(c => new Row(Guid.Empty, null, (int)c.Severity, c.Status, c.ResponseMinutes, c.ResolutionMinutes, c.ResponseBreachedAt != null,
                c.ResolutionBreachedAt != null, c.ReopenCount > 0, c.CustomerSatisfied)), r => ((CaseSeverity)r.Number!).ToString(), ct),
            _ => (await cases.Select(c => new
            {
                c.ReceivedAt,
                Row = new Row(Guid.Empty, null, null, c.Status, c.ResponseMinutes, c.ResolutionMinutes, c.ResponseBreachedAt != null,
                c.ResolutionBreachedAt != null, c.ReopenCount > 0, c.CustomerSatisfied)
            }).ToListAsync(ct))
                .Select(x => new Fact(BusinessClock.DateOf(x.ReceivedAt).ToString("yyyy-MM"), x.Row)).ToList(),
        };
        var groups = facts.GroupBy(f => f.Key).ToList();
        var names = await NamesAsync(by, groups.Select(g => g.Key).ToList(), ct);
        var rows = groups.Select(g => Figures(g.Key, names.GetValueOrDefault(g.Key, g.Key), g.Select(f => f.Row).ToList()))
            .OrderBy(r => by == "month" ? r.Key : null, StringComparer.Ordinal).ThenByDescending(r => by == "month" ? 0 : r.Count).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new CaseStatsView(start, end, by, Figures("total", "", facts.Select(f => f.Row).ToList()), rows);
    }

    private static CaseFigures Figures(string key, string name, List<Row> facts)
    {
        var responded = facts.Where(f => f.ResponseMinutes is not null).ToList();
        var resolved = facts.Where(f => f.Status is CaseStatus.Resolved or CaseStatus.Closed && f.ResolutionMinutes is not null).ToList();
        var confirmed = facts.Where(f => f.Satisfied is not null).ToList();
        return new CaseFigures(key, name, facts.Count, responded.Count, responded.Count(f => !f.ResponseBreached), resolved.Count, resolved.Count(f => !f.ResolutionBreached),
            Average(responded.Select(f => f.ResponseMinutes!.Value)), P90(responded.Select(f => f.ResponseMinutes!.Value)),
            Average(resolved.Select(f => f.ResolutionMinutes!.Value)), P90(resolved.Select(f => f.ResolutionMinutes!.Value)),
            facts.Count(f => f.Reopened), confirmed.Count, confirmed.Count(f => f.Satisfied == true));
    }

    private static double? Average(IEnumerable<int> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? null : Math.Round(list.Average(), 1);
    }

    /// <summary>The 90th percentile by nearest rank: the smallest value at or below which 90% of the values lie.</summary>
    public static int? P90(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[(int)Math.Ceiling(0.9 * sorted.Count) - 1];
    }

    private async Task<Dictionary<string, string>> NamesAsync(string by, List<string> keys, CancellationToken ct)
    {
        switch (by)
        {
            case "person":
                var people = keys.Select(Guid.Parse).ToList();
                return await db.Unscoped<User>().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(), u => u.DisplayName, ct);
            case "account":
                var accounts = keys.Select(Guid.Parse).ToList();
                return await db.Unscoped<Account>().Where(a => accounts.Contains(a.Id)).ToDictionaryAsync(a => a.Id.ToString(), a => a.Name, ct);
            case "category":
                return (await policies.Get(ct)).Categories.ToDictionary(c => c.Code, ServicePolicies.NameOf);
            case "kind":
                return Enum.GetValues<CaseKind>().ToDictionary(k => k.ToString(), k => Text.Get($"casekind.{k}"));
            case "severity":
                return Enum.GetValues<CaseSeverity>().ToDictionary(k => k.ToString(), k => Text.Get($"caseseverity.{k}"));
            default:
                return [];
        }
    }
}
