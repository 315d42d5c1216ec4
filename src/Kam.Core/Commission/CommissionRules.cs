using System.Text.Json;
using System.Text.Json.Serialization;
using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Commission;

/// <summary>What makes a commission scheme valid, and its JSON.</summary>
public static class CommissionRules
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static CommissionDefinition Parse(string json) =>
        JsonSerializer.Deserialize<CommissionDefinition>(json, Json) ?? new CommissionDefinition(CommissionBase.Collected, RateMode.Flat);

    public static string Write(CommissionDefinition d) => JsonSerializer.Serialize(d, Json);

    /// <summary>The shipped scheme: collections by achievement (below 60% nothing, then 1%, 1.5% on the part above the
    /// target, ¥2,000 for the challenge), new accounts 1.5% in their first year, 30% held on accounts 90 days overdue, the
    /// appraisal coefficient on.</summary>
    public static CommissionDefinition Default { get; } = new(CommissionBase.Collected, RateMode.Achievement,
        Bands: [new(0, 0), new(60, 1)], AcceleratorRate: 1.5m, ChallengeBonus: 2000, Special: [new(SpecialKind.NewAccount, null, 1.5m)], HoldPercent: 30);

    public static List<FieldError> Validate(CommissionDefinition? d)
    {
        if (d is null)
            return [new("definition", "field.required")];
        var errors = new List<FieldError>();
        if (!Enum.IsDefined(d.Base))
            errors.Add(new("base", "field.invalid"));
        if (!Enum.IsDefined(d.Mode))
            errors.Add(new("mode", "field.invalid"));
        static bool Rate(decimal r) => r is >= 0 and <= 100;
        switch (d.Mode)
        {
            case RateMode.Flat when !Rate(d.Rate):
                errors.Add(new("rate", "field.number_range", 0, 100));
                break;
            case RateMode.Brackets:
                var brackets = d.Brackets ?? [];
                if (brackets.Count is < 1 or > 10 || brackets.Any(b => b is null || b.From < 0 || b.From > 10_000_000_000m || !Rate(b.Rate))
                    || brackets.Select(b => b.From).Distinct().Count() != brackets.Count || brackets.Min(b => b.From) != 0)
                    errors.Add(new("brackets", "commission.brackets_invalid"));
                break;
            case RateMode.Achievement:
                var bands = d.Bands ?? [];
                if (bands.Count is < 1 or > 10 || bands.Any(b => b is null || b.FromPercent < 0 || b.FromPercent > 1000 || !Rate(b.Rate))
                    || bands.Select(b => b.FromPercent).Distinct().Count() != bands.Count)
                    errors.Add(new("bands", "commission.bands_invalid"));
                if (d.AcceleratorRate is { } acc && !Rate(acc))
                    errors.Add(new("acceleratorRate", "field.number_range", 0, 100));
                if (d.ChallengeBonus is < 0 or > 1_000_000)
                    errors.Add(new("challengeBonus", "field.amount_range"));
                break;
        }
        var special = d.Special ?? [];
        if (special.Count > 20)
            errors.Add(new("special", "commission.special_invalid"));
        for (var i = 0; i < special.Count && i < 20; i++)
        {
            var s = special[i];
            var ok = s is not null && Enum.IsDefined(s.Kind) && Rate(s.Rate) && s.Kind switch
            {
                SpecialKind.Brand or SpecialKind.Series => !string.IsNullOrWhiteSpace(s.Key) && s.Key.Length <= 50,
                SpecialKind.Category => Enum.TryParse<AccountCategory>(s.Key, out var c) && Enum.IsDefined(c),
                _ => true,
            };
            if (!ok)
                errors.Add(new($"special[{i}]", "commission.special_invalid"));
        }
        if (d.HoldPercent is < 0 or > 100)
            errors.Add(new("holdPercent", "field.number_range", 0, 100));
        if (d.OverdueDays is < 1 or > 365)
            errors.Add(new("overdueDays", "field.number_range", 1, 365));
        if (!Enum.IsDefined(d.Coefficient))
            errors.Add(new("coefficient", "field.invalid"));
        else if (d.Coefficient == CoefficientMode.Capped && d.CoefficientCap is not (>= 0 and <= 5))
            errors.Add(new("coefficientCap", "field.number_range", 0, 5));
        return errors;
    }
}
