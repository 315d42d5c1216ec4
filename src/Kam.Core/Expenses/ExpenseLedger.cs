using Kam.Core.Ledger;

namespace Kam.Core.Expenses;

/// <summary>Approved spending on an account (费用): each approved or paid claim's line that names an account, on its
/// day, credited to the claimant. What cost per account reads beside the account's collections and signed contracts.</summary>
internal sealed class ExpenseLedger : LedgerSource<ExpenseLine>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Expense];

    protected override void Facts(ExpenseLine line, LedgerContext context, List<Fact> into)
    {
        if (line.Counted && line.AccountId is { } account)
            into.Add(new Fact(LedgerMetric.Expense, line.Date, line.ClaimantId, account, Fen.Of(line.Amount), 1));
    }
}
