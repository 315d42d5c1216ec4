using Kam.Core.Common;

namespace Kam.Core.Contracts;

public enum ContractKind
{
    /// <summary>框架协议.</summary>
    Framework,

    /// <summary>采购合同.</summary>
    Purchase,

    /// <summary>合作协议.</summary>
    Cooperation,

    /// <summary>补充协议: always under a parent contract; records what it changes.</summary>
    Supplementary,
}

public enum ContractStatus
{
    Draft,
    UnderReview,

    /// <summary>Back with its author after a rejection: editable and submittable again, like a draft.</summary>
    Rejected,
    Approved,
    Signed,
    InForce,
    Expired,
    Terminated,
}

/// <summary>
/// A contract or agreement (合同 / 协议) with an account. The assistant drafts it, it goes through approval, is signed
/// (date and scanned copy), is in force from its start date and expires at its end, or is terminated with a reason.
/// A supplementary agreement (补充协议) sits under a parent: its <see cref="Amount"/> is the change to the parent's
/// amount (may be negative) and its <see cref="EndOn"/> the parent's new end if later; once approved it counts in the
/// parent's <see cref="EffectiveAmount"/> and <see cref="EffectiveEndOn"/>.
/// </summary>
[Scoped(Scope.Account)]
public class Contract : Entity, IBelongsToAccount, IArchivable, ISearchable
{
    /// <summary>Automatic, from the configured pattern (e.g. KA-2026-0001); unique.</summary>
    public string Number { get; set; } = "";

    public ContractKind Kind { get; set; }

    public Guid AccountId { get; set; }

    public Guid? ParentId { get; set; }

    public Guid? OpportunityId { get; set; }

    public string Title { get; set; } = "";

    public decimal Amount { get; set; }

    public string Currency { get; set; } = "CNY";

    public DateOnly StartOn { get; set; }

    SearchKind ISearchable.SearchKind => SearchKind.Contract;

    string ISearchable.SearchableText() => SearchTextOf(Number, Title);

    /// <summary>What a contract search looks in: its number and title, lower-cased.</summary>
    public static string SearchTextOf(string number, string title) => (number + "|" + title).ToLowerInvariant();

    public DateOnly EndOn { get; set; }

    public string? PaymentTerms { get; set; }

    /// <summary>Payment terms other than the department's standard ones: the executive approves too.</summary>
    public bool NonStandardTerms { get; set; }

    /// <summary>For a supplementary agreement: what it changes, in words.</summary>
    public string? Changes { get; set; }

    public string? OurSignatory { get; set; }

    public string? CustomerSignatory { get; set; }

    public Guid OwnerId { get; set; }

    public Guid DrafterId { get; set; }

    public ContractStatus Status { get; set; }

    /// <summary>The approval request in progress or last decided.</summary>
    public Guid? ApprovalId { get; set; }

    public DateOnly? SignedOn { get; set; }

    /// <summary>Who the signing is credited to in the ledger: the owner when it was signed (a handover later moves the
    /// contract, not the figure).</summary>
    public Guid? CreditedToId { get; set; }

    /// <summary>The head's split of the credit between people (业绩分摊), or null: all to <see cref="CreditedToId"/>.
    /// Written by <see cref="Kam.Core.Targets.SplitCredit"/>; see <see cref="Kam.Core.Ledger.CreditShares"/>.</summary>
    public string? CreditShares { get; set; }

    /// <summary>The scanned signed copy (an attachment of the account).</summary>
    public Guid? SignedCopyId { get; set; }

    public DateOnly? TerminatedOn { get; set; }

    public string? TerminationReason { get; set; }

    /// <summary>The amount with every approved supplementary agreement applied (equals <see cref="Amount"/> without any).</summary>
    public decimal EffectiveAmount { get; set; }

    /// <summary>The end date with every approved supplementary agreement applied.</summary>
    public DateOnly EffectiveEndOn { get; set; }

    /// <summary>Orders placed under this contract (not cancelled), kept with each order's save: the remaining amount is
    /// <see cref="EffectiveAmount"/> minus this.</summary>
    public decimal OrderedAmount { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>A counter behind automatic numbers (contracts, orders, shipments), one row per series and year.</summary>
[Scoped(Scope.System)]
public class NumberSequence : Entity
{
    /// <summary>e.g. <c>contract:2026</c>.</summary>
    public string Key { get; set; } = "";

    public long Last { get; set; }
}
