using Kam.Core.Common;

namespace Kam.Core.Accounts;

public enum AccountCategory
{
    Dealer,
    RealEstate,
    DesignFirm,
    Government,
    Enterprise,
    Other,
}

public enum AccountStatus
{
    Prospect,
    Active,
    Dormant,
    Lost,
}

public enum AccountTier
{
    A,
    B,
    C,
}

/// <summary>A key customer and its archive record (客户档案). Never deleted: archived and restorable.</summary>
[Scoped(Scope.Account)]
public class Account : Entity, IArchivable, IBelongsToAccount, ISearchable
{
    public string Name { get; set; } = "";

    /// <summary>The name without spaces, punctuation and company-form suffixes: the duplicate guard compares this.</summary>
    public string NormalizedName { get; set; } = "";

    public string? ShortName { get; set; }

    public string? CreditCode { get; set; }

    /// <summary>Why the head accepted a credit code that fails the check character.</summary>
    public string? CreditCodeNote { get; set; }

    public AccountCategory Category { get; set; }

    public string? Industry { get; set; }

    public string? ProvinceCode { get; set; }

    public string? CityCode { get; set; }

    public string? DistrictCode { get; set; }

    public string? Address { get; set; }

    public string? Website { get; set; }

    public decimal? AnnualRevenue { get; set; }

    public decimal? AnnualPurchase { get; set; }

    public string? Brands { get; set; }

    public AccountStatus Status { get; set; }

    public Guid OwnerId { get; set; }

    /// <summary>The business day the account became active (from a prospect, or created active); earlier accounts
    /// count from the day they were created.</summary>
    public DateOnly? BecameActiveOn { get; set; }

    /// <summary>Who the developed account is credited to (its owner when it became active); fixed then.</summary>
    public Guid? CreditedToId { get; set; }

    public string? Source { get; set; }

    /// <summary>Comma-separated, each tag trimmed.</summary>
    public string? Tags { get; set; }

    public string? Notes { get; set; }

    public Guid? ParentId { get; set; }

    /// <summary>The effective tier: the override when there is one, else what the rules give.</summary>
    public AccountTier Tier { get; set; } = AccountTier.C;

    public AccountTier ComputedTier { get; set; } = AccountTier.C;

    /// <summary>The rule that gave <see cref="ComputedTier"/>, readable ("年采购额 ≥ 5,000,000").</summary>
    public string? TierRule { get; set; }

    public AccountTier? TierOverride { get; set; }

    public string? TierOverrideReason { get; set; }

    /// <summary>Lower-case name, short name, credit code, contact names and mobiles: what "search" looks in.</summary>
    public string SearchText { get; set; } = "";

    SearchKind ISearchable.SearchKind => SearchKind.Account;

    string ISearchable.SearchableText() => SearchText;

    public DateTimeOffset? ArchivedAt { get; set; }

    /// <summary>The date of the latest visit record (拜访), kept by the visit records.</summary>
    public DateOnly? LastVisitOn { get; set; }

    /// <summary>
    /// Where the visit clock starts: the last visit, or the day the account entered the archive when it was never
    /// visited. The next visit is due this many days later as the visit policy gives for the tier.
    /// </summary>
    public DateOnly VisitDueBase { get; set; }

    public List<AccountMember> Members { get; set; } = [];

    Guid IBelongsToAccount.AccountId => Id;
}

/// <summary>A team member of an account: sees it like its owner does.</summary>
[Scoped(Scope.Account)]
public class AccountMember : IAudited, IBelongsToAccount
{
    public Guid AccountId { get; set; }

    public Guid UserId { get; set; }
}
