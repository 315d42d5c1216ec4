using System.Text.Json;
using System.Text.Json.Serialization;
using Kam.Core.Common;
using Kam.Core.Targets;

namespace Kam.Core.Appraisals;

/// <summary>What makes a scheme valid, and how its rules turn values into scores, a total, a grade and a coefficient.</summary>
public static class SchemeRules
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static SchemeDefinition Parse(string json) => JsonSerializer.Deserialize<SchemeDefinition>(json, Json) is { } d
        ? d with { Indicators = d.Indicators ?? [], Grades = d.Grades ?? [] }
        : new SchemeDefinition([], []);

    public static string Write(SchemeDefinition definition) => JsonSerializer.Serialize(definition, Json);

    public static IReadOnlyList<SheetItem> ParseItems(string json) => JsonSerializer.Deserialize<List<SheetItem>>(json, Json) ?? [];

    public static string WriteItems(IEnumerable<SheetItem> items) => JsonSerializer.Serialize(items, Json);

    /// <summary>The shipped scheme for account managers, the department's usual monthly KPI (names in the reader's language).</summary>
    public static SchemeDefinition Default() => new(
    [
        new("collected", Text.Get("appraisal.default.collected"), IndicatorSource.Target, 30, TargetMetric.Collected, new ScoreRule(ScoreRuleKind.Ratio, Ceiling: 100, Cap: 120)),
        new("signed", Text.Get("appraisal.default.signed"), IndicatorSource.Target, 15, TargetMetric.Signed, new ScoreRule(ScoreRuleKind.Ratio, Ceiling: 100, Cap: 120)),
        new("coverage", Text.Get("appraisal.default.coverage"), IndicatorSource.ATierCoverage, 10, null, new ScoreRule(ScoreRuleKind.Linear, Floor: 50, Ceiling: 100)),
        new("reports", Text.Get("appraisal.default.reports"), IndicatorSource.DailyReports, 10, null, new ScoreRule(ScoreRuleKind.Linear, Floor: 60, Ceiling: 100)),
        new("cases", Text.Get("appraisal.default.cases"), IndicatorSource.CasesOnTime, 10, null, new ScoreRule(ScoreRuleKind.Linear, Floor: 50, Ceiling: 100)),
        new("csat", Text.Get("appraisal.default.csat"), IndicatorSource.Satisfaction, 10, null,
            new ScoreRule(ScoreRuleKind.Table, Bands: [new(0, 40), new(60, 60), new(80, 80), new(90, 100)])),
        new("attitude", Text.Get("appraisal.default.attitude"), IndicatorSource.Rated, 10),
        new("teamwork", Text.Get("appraisal.default.teamwork"), IndicatorSource.Rated, 5),
    ],
    [new("A", 90, 1.2m), new("B", 75, 1.0m), new("C", 60, 0.8m), new("D", 0, 0.5m)]);

    public static List<FieldError> Validate(SchemeDefinition? d)
    {
        var errors = new List<FieldError>();
        if (d is null)
            return [new("indicators", "field.required")];
        var indicators = d.Indicators ?? [];
        if (indicators.Count is < 1 or > 20)
            errors.Add(new("indicators", "appraisal.indicators_count", 1, 20));
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < indicators.Count; i++)
        {
            var x = indicators[i];
            var at = $"indicators[{i}]";
            if (x is null)
            {
                errors.Add(new(at, "field.required"));
                continue;
            }
            if (string.IsNullOrWhiteSpace(x.Code) || x.Code.Length > 40)
                errors.Add(new($"{at}.code", "field.too_long", 1, 40));
            else if (!codes.Add(x.Code.Trim()))
                errors.Add(new($"{at}.code", "appraisal.code_taken"));
            if (string.IsNullOrWhiteSpace(x.Name) || x.Name.Length > 50)
                errors.Add(new($"{at}.name", "field.too_long", 1, 50));
            if (x.Weight is < 1 or > 100)
                errors.Add(new($"{at}.weight", "field.number_range", 1, 100));
            if (!Enum.IsDefined(x.Source))
                errors.Add(new($"{at}.source", "field.invalid"));
            if (x.Source == IndicatorSource.Target && (x.Metric is not { } m || !Enum.IsDefined(m) || m == TargetMetric.ATierCoverage))
                errors.Add(new($"{at}.metric", "appraisal.metric_required"));
            if (x.Source != IndicatorSource.Rated)
                errors.AddRange(ValidateRule(x.Rule, $"{at}.rule"));
        }
        if (errors.Count == 0 && indicators.Sum(x => x.Weight) != 100)
            errors.Add(new("indicators", "appraisal.weights_sum", indicators.Sum(x => x.Weight)));
        var grades = d.Grades ?? [];
        if (grades.Count is < 2 or > 8)
            errors.Add(new("grades", "appraisal.grades_count", 2, 8));
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < grades.Count; i++)
        {
            var g = grades[i];
            if (g is null || string.IsNullOrWhiteSpace(g.Grade) || g.Grade.Length > 8 || !names.Add(g.Grade.Trim()))
                errors.Add(new($"grades[{i}].grade", "appraisal.grade_invalid"));
            else if (g.MinScore is < 0 or > 200)
                errors.Add(new($"grades[{i}].minScore", "field.number_range", 0, 200));
            else if (g.Coefficient is < 0 or > 5)
                errors.Add(new($"grades[{i}].coefficient", "field.number_range", 0, 5));
        }
        if (grades.Count > 0 && grades.All(g => g is not null) && !grades.Any(g => g.MinScore == 0))
            errors.Add(new("grades", "appraisal.grades_floor"));
        if (d.BonusCap is < 0 or > 100)
            errors.Add(new("bonusCap", "field.number_range", 0, 100));
        if (d.DeductionCap is < 0 or > 100)
            errors.Add(new("deductionCap", "field.number_range", 0, 100));
        if (d.AppealDays is < 1 or > 30)
            errors.Add(new("appealDays", "field.number_range", 1, 30));
        if (d.TopGradeMaxPercent is < 1 or > 100)
            errors.Add(new("topGradeMaxPercent", "field.number_range", 1, 100));
        return errors;
    }

    private static IEnumerable<FieldError> ValidateRule(ScoreRule? rule, string at)
    {
        if (rule is null || !Enum.IsDefined(rule.Kind))
        {
            yield return new(at, "field.required");
            yield break;
        }
        switch (rule.Kind)
        {
            case ScoreRuleKind.Linear when rule.Floor < 0 || rule.Ceiling > 1000 || rule.Ceiling <= rule.Floor:
                yield return new($"{at}.ceiling", "appraisal.rule_range");
                break;
            case ScoreRuleKind.Ratio when rule.Ceiling is <= 0 or > 1000:
                yield return new($"{at}.ceiling", "field.number_range", 1, 1000);
                break;
            case ScoreRuleKind.Ratio when rule.Cap is < 100 or > 200:
                yield return new($"{at}.cap", "field.number_range", 100, 200);
                break;
            case ScoreRuleKind.Table:
                var bands = rule.Bands ?? [];
                if (bands.Count is < 1 or > 10 || bands.Any(b => b is null || b.From < 0 || b.From > 1000 || b.Score < 0 || b.Score > 100)
                    || bands.Select(b => b.From).Distinct().Count() != bands.Count)
                    yield return new($"{at}.bands", "appraisal.bands_invalid");
                break;
        }
    }

    /// <summary>The score of a computed value under a rule, to one decimal; null when there is no value.</summary>
    public static decimal? Score(ScoreRule? rule, decimal? value)
    {
        if (value is not { } v || rule is null)
            return null;
        var score = rule.Kind switch
        {
            ScoreRuleKind.Linear => v <= rule.Floor ? 0 : v >= rule.Ceiling ? 100 : (v - rule.Floor) * 100 / (rule.Ceiling - rule.Floor),
            ScoreRuleKind.Ratio => Math.Min(v * 100 / rule.Ceiling, rule.Cap),
            _ => (rule.Bands ?? []).OrderByDescending(b => b.From).FirstOrDefault(b => v >= b.From)?.Score ?? 0,
        };
        return Math.Round(Math.Max(score, 0), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The total: the weighted average of the scores of the indicators that applied (a weight whose indicator has no
    /// value goes to the others), plus the bonus and less the deduction each within its cap, not below 0; null while a
    /// rated indicator is unscored.
    /// </summary>
    public static decimal? Total(IReadOnlyList<SheetItem> items, decimal bonus, decimal deduction, SchemeDefinition scheme)
    {
        if (items.Any(i => i.Source == IndicatorSource.Rated && i.Score is null))
            return null;
        var counted = items.Where(i => i.Score is not null).ToList();
        var weights = counted.Sum(i => i.Weight);
        var weighted = weights == 0 ? 0 : counted.Sum(i => i.Weight * i.Score!.Value) / weights;
        var total = weighted + Math.Min(bonus, scheme.BonusCap) - Math.Min(deduction, scheme.DeductionCap);
        return Math.Round(Math.Max(total, 0), 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The grade a total reaches (the highest minimum at or below it) and its coefficient.</summary>
    public static GradeDefinition? Grade(decimal? total, SchemeDefinition scheme) =>
        total is { } t ? scheme.Grades.OrderByDescending(g => g.MinScore).FirstOrDefault(g => t >= g.MinScore) : null;
}
