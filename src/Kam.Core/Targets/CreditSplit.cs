using Kam.Core.Common;

namespace Kam.Core.Targets;

public enum CreditDocument
{
    Contract = 1,
    Payment = 2,
}

public enum CreditSplitStatus
{
    /// <summary>The split in force: the record's credit is divided as it says.</summary>
    Active = 1,

    /// <summary>Followed by a newer split of the same record (kept: the history of who was credited and why).</summary>
    Replaced = 2,
}

/// <summary>
/// The head's split of one contract's or payment's credit between people (业绩分摊, e.g. 70/30), with the reason. The
/// record itself carries the split in force (<c>CreditShares</c>), which its ledger source divides; these rows are
/// the history. Seen by whoever sees the account.
/// </summary>
[Scoped(Scope.Account)]
public class CreditSplit : Entity, IBelongsToAccount
{
    public Guid AccountId { get; set; }

    public CreditDocument Document { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>As on the record: "{person}:{basis points};...".</summary>
    public string Shares { get; set; } = "";

    public string Reason { get; set; } = "";

    public CreditSplitStatus Status { get; set; } = CreditSplitStatus.Active;
}
