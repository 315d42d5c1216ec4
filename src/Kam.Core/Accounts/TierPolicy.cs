namespace Kam.Core.Accounts;

/// <summary>One rule: accounts matching it (purchase at least <see cref="MinAnnualPurchase"/>, or of one of
/// <see cref="Categories"/>) get <see cref="Tier"/>. Rules are tried in order; no match gives C.</summary>
public sealed record TierRule(AccountTier Tier, decimal? MinAnnualPurchase, IReadOnlyList<AccountCategory>? Categories = null)
{
    public bool Matches(Account account) =>
        (MinAnnualPurchase is not { } min || account.AnnualPurchase >= min)
        && (Categories is not { Count: > 0 } || Categories.Contains(account.Category))
        && (MinAnnualPurchase is not null || Categories is { Count: > 0 });

    /// <summary>A stable, language-neutral description, shown translated ("purchase>=5000000", "category=Government").</summary>
    public string Describe() => string.Join(";", new[]
    {
        MinAnnualPurchase is { } min ? $"purchase>={min:0.##}" : null,
        Categories is { Count: > 0 } c ? "category=" + string.Join(",", c) : null,
    }.Where(s => s is not null));
}

/// <summary>The head's tiering rules (客户等级), e.g. annual purchase ≥ 5,000,000 → A.</summary>
public sealed record TierPolicy(IReadOnlyList<TierRule> Rules)
{
    public const string SettingKey = "accounts.tier_policy";

    public static TierPolicy Default { get; } = new(
    [
        new TierRule(AccountTier.A, 5_000_000m),
        new TierRule(AccountTier.B, 1_000_000m),
        new TierRule(AccountTier.B, null, [AccountCategory.Government]),
    ]);

    public (AccountTier Tier, string Rule) Evaluate(Account account)
    {
        foreach (var rule in Rules)
        {
            if (rule.Matches(account))
                return (rule.Tier, rule.Describe());
        }
        return (AccountTier.C, "default");
    }

    /// <summary>Sets the computed tier and, unless the head overrode it, the effective tier.</summary>
    public void Apply(Account account)
    {
        var (tier, rule) = Evaluate(account);
        account.ComputedTier = tier;
        account.TierRule = rule;
        account.Tier = account.TierOverride ?? tier;
    }
}
