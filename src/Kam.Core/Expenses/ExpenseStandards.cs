using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

public enum CityTier
{
    /// <summary>一线城市.</summary>
    First,

    /// <summary>二线城市.</summary>
    Second,

    /// <summary>其他城市.</summary>
    Other,
}

/// <summary>One rate of the travel standard: for a city tier and a role, the hotel per night and the allowance per day.</summary>
public sealed record TravelRate(CityTier Tier, string Role, decimal HotelPerNight, decimal AllowancePerDay);

/// <summary>
/// The travel standards (费用标准): which cities are first- and second-tier (the rest are "other"), and per tier and role the
/// hotel per night and the daily allowance. A travel line above what its city, nights and the claimant's role allow is
/// flagged to the approver and needs a justification.
/// </summary>
/// <remarks><see cref="MaxAgeDays"/>: how old a receipt may be when it is claimed (setting <c>expenses.max_age_days</c>).</remarks>
public sealed record ExpenseStandardsView(IReadOnlyList<string> FirstTier, IReadOnlyList<string> SecondTier, IReadOnlyList<TravelRate> Rates, Guid? Version, int MaxAgeDays = SaveClaim.DefaultMaxAgeDays);

public sealed record ExpenseStandardsInput(IReadOnlyList<string>? FirstTier, IReadOnlyList<string>? SecondTier, IReadOnlyList<TravelRate>? Rates, Guid? Version, int? MaxAgeDays = null);

public sealed class ExpenseStandards(IKamDb db, ICurrentUser me, Settings settings)
{
    public const string Key = "expenses.standards";

    private sealed record Stored(List<string> FirstTier, List<string> SecondTier, List<TravelRate> Rates);

    public static IReadOnlyList<string> DefaultFirstTier { get; } = ["北京", "上海", "广州", "深圳"];

    public static IReadOnlyList<string> DefaultSecondTier { get; } =
    [
        "成都", "杭州", "重庆", "武汉", "西安", "苏州", "天津", "南京", "长沙", "郑州", "东莞", "青岛", "沈阳", "宁波", "昆明",
        "合肥", "佛山", "福州", "厦门", "济南", "无锡", "大连", "哈尔滨", "温州", "石家庄", "南宁", "长春", "泉州", "贵阳", "南昌",
    ];

    /// <summary>The shipped rates: the head and the executive travel at a higher standard than the rest of the department.</summary>
    public static IReadOnlyList<TravelRate> DefaultRates { get; } =
    [
        new(CityTier.First, Roles.AccountManager, 500m, 100m), new(CityTier.Second, Roles.AccountManager, 400m, 80m), new(CityTier.Other, Roles.AccountManager, 300m, 60m),
        new(CityTier.First, Roles.Assistant, 500m, 100m), new(CityTier.Second, Roles.Assistant, 400m, 80m), new(CityTier.Other, Roles.Assistant, 300m, 60m),
        new(CityTier.First, Roles.Head, 800m, 150m), new(CityTier.Second, Roles.Head, 600m, 120m), new(CityTier.Other, Roles.Head, 450m, 100m),
        new(CityTier.First, Roles.Executive, 800m, 150m), new(CityTier.Second, Roles.Executive, 600m, 120m), new(CityTier.Other, Roles.Executive, 450m, 100m),
    ];

    public async Task<ExpenseStandardsView> Get(CancellationToken ct = default)
    {
        var stored = await settings.GetAsync<Stored?>(Key, null, ct);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        var maxAge = await settings.GetAsync(SaveClaim.MaxAgeKey, SaveClaim.DefaultMaxAgeDays, ct);
        return stored is { Rates.Count: > 0 }
            ? new ExpenseStandardsView(stored.FirstTier ?? [], stored.SecondTier ?? [], stored.Rates.Where(r => r is not null).ToList(), version, maxAge)
            : new ExpenseStandardsView(DefaultFirstTier, DefaultSecondTier, DefaultRates, version, maxAge);
    }

    public async Task<Result<ExpenseStandardsView>> Update(ExpenseStandardsInput input, CancellationToken ct = default)
    {
        if (!ExpenseCategories.Configures(me))
            return Error.Forbidden("expense.categories_head_only");
        var errors = new List<FieldError>();
        List<string> Cities(IReadOnlyList<string>? list, string field)
        {
            var cities = (list ?? []).Select(c => c?.Trim() ?? "").ToList();
            if (cities.Count > 300 || cities.Any(c => c.Length is 0 or > 20))
                errors.Add(new FieldError(field, "expense.cities_invalid"));
            return cities.Distinct().ToList();
        }
        var first = Cities(input.FirstTier, "firstTier");
        var second = Cities(input.SecondTier, "secondTier");
        if (first.Intersect(second).Any())
            errors.Add(new FieldError("secondTier", "expense.city_in_two_tiers"));
        var rates = input.Rates ?? [];
        if (rates.Count is 0 or > 60)
            errors.Add(new FieldError("rates", "field.required"));
        for (var i = 0; i < rates.Count; i++)
        {
            var r = rates[i];
            if (r is null || !Enum.IsDefined(r.Tier) || !Roles.Business.Contains(r.Role))
                errors.Add(new FieldError($"rates[{i}]", "field.invalid"));
            else if (!ExpenseAccess.ValidAmount(r.HotelPerNight) || !ExpenseAccess.ValidAmount(r.AllowancePerDay))
                errors.Add(new FieldError($"rates[{i}]", "expense.amount_invalid"));
        }
        if (input.MaxAgeDays is < 1 or > 366)
            errors.Add(new FieldError("maxAgeDays", "field.number_range", 1, 366));
        if (errors.Count > 0)
            return Error.Validation(errors);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        if (version != input.Version)
            return Error.Conflict();
        var setting = await settings.SetAsync(Key, new Stored(first, second, rates.ToList()), ct);
        if (input.MaxAgeDays is { } days)
            await settings.SetAsync(SaveClaim.MaxAgeKey, days, ct);
        if (version is { } seen)
            db.Entry(setting).Property(s => s.Version).OriginalValue = seen;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return await Get(ct);
    }

    /// <summary>The most a travel line may cost for its city and nights under the claimant's best standard (null: no
    /// city given, nothing to check): the hotel for each night and the allowance for each day (nights + 1).</summary>
    public static decimal? Limit(ExpenseStandardsView standards, string? city, int? nights, IReadOnlyCollection<string> roles)
    {
        if (string.IsNullOrWhiteSpace(city))
            return null;
        var name = city.Trim().TrimEnd('市');
        var tier = standards.FirstTier.Contains(name) ? CityTier.First : standards.SecondTier.Contains(name) ? CityTier.Second : CityTier.Other;
        var rate = standards.Rates.Where(r => r.Tier == tier && roles.Contains(r.Role)).OrderByDescending(r => r.HotelPerNight + r.AllowancePerDay).FirstOrDefault();
        if (rate is null)
            return null;
        var n = Math.Max(0, nights ?? 0);
        return rate.HotelPerNight * n + rate.AllowancePerDay * (n + 1);
    }
}
