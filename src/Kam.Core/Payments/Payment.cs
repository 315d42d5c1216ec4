using Kam.Core.Common;

namespace Kam.Core.Payments;

/// <summary>
/// Something the customer owes by a date (应收): an instalment of a contract's payment plan, or the whole of an order
/// that no payment plan covers (created when the order is confirmed). Receivables and their aging read this table only.
/// </summary>
[Scoped(Scope.Account)]
public class Instalment : Entity, IBelongsToAccount
{
    public Guid AccountId { get; set; }

    /// <summary>Set for an instalment of a contract's payment plan.</summary>
    public Guid? ContractId { get; set; }

    /// <summary>Set for an order's own receivable.</summary>
    public Guid? OrderId { get; set; }

    /// <summary>1-based within the plan.</summary>
    public int No { get; set; }

    public DateOnly DueOn { get; set; }

    public decimal Amount { get; set; }

    public decimal Collected { get; set; }

    /// <summary>Collected in full (or written off by cancelling its order): no longer a receivable.</summary>
    public bool Settled { get; set; }

    public string? Note { get; set; }
}

public enum PaymentMethod
{
    BankTransfer,

    /// <summary>承兑汇票.</summary>
    AcceptanceBill,
    Cheque,
    Cash,
    Other,
}

/// <summary>Money received (回款) against an instalment (and so its contract or order): the base for commissions.</summary>
[Scoped(Scope.Account)]
public class Payment : Entity, IBelongsToAccount, ISearchable
{
    SearchKind ISearchable.SearchKind => SearchKind.Payment;

    /// <summary>What a payment search looks in besides its account: the reference and the note, lower-cased.</summary>
    string ISearchable.SearchableText() => (Reference + "|" + Note).ToLowerInvariant();

    public Guid AccountId { get; set; }

    public Guid InstalmentId { get; set; }

    public Guid? ContractId { get; set; }

    public Guid? OrderId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public decimal Amount { get; set; }

    public PaymentMethod Method { get; set; }

    /// <summary>Bank reference or bill number.</summary>
    public string? Reference { get; set; }

    public string? Note { get; set; }

    /// <summary>Entered by mistake: reversed (with reason) instead of deleted; no longer counts.</summary>
    public DateTimeOffset? ReversedAt { get; set; }

    /// <summary>Who the collection is credited to in the ledger: the account's owner when it was recorded.</summary>
    public Guid? CreditedToId { get; set; }

    public string? ReversalReason { get; set; }

    /// <summary>The head's split of the credit between people (业绩分摊), or null: all to <see cref="CreditedToId"/>.
    /// Written by <see cref="Kam.Core.Targets.SplitCredit"/>; see <see cref="Kam.Core.Ledger.CreditShares"/>.</summary>
    public string? CreditShares { get; set; }
}
