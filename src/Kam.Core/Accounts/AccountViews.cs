namespace Kam.Core.Accounts;

public sealed record Person(Guid Id, string DisplayName);

public sealed record AccountRow(
    Guid Id,
    string Name,
    string? ShortName,
    string? CreditCode,
    AccountCategory Category,
    AccountTier Tier,
    AccountStatus Status,
    string? ProvinceCode,
    string? CityCode,
    string Location,
    Guid OwnerId,
    string OwnerName,
    decimal? AnnualPurchase,
    IReadOnlyList<string> Tags,
    DateTimeOffset UpdatedAt,
    bool Archived);

public sealed record AccountDetail(
    Guid Id,
    string Name,
    string? ShortName,
    string? CreditCode,
    string? CreditCodeNote,
    AccountCategory Category,
    string? Industry,
    string? ProvinceCode,
    string? CityCode,
    string? DistrictCode,
    string Location,
    string? Address,
    string? Website,
    decimal? AnnualRevenue,
    decimal? AnnualPurchase,
    string? Brands,
    AccountStatus Status,
    Person Owner,
    IReadOnlyList<Person> Members,
    string? Source,
    IReadOnlyList<string> Tags,
    string? Notes,
    Guid? ParentId,
    string? ParentName,
    AccountTier Tier,
    AccountTier ComputedTier,
    string? TierRule,
    AccountTier? TierOverride,
    string? TierOverrideReason,
    int ContactCount,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    Guid Version,
    AccountPermissions Can);

/// <summary>What the current user may do here, so the UI shows only the buttons that will work.</summary>
public sealed record AccountPermissions(bool Edit, bool ManageTeam, bool Archive, bool OverrideTier, bool SeeMobiles);

public static class Tags
{
    public static IReadOnlyList<string> Split(string? tags) =>
        string.IsNullOrEmpty(tags) ? [] : tags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
