using Kam.Core.Ledger;

namespace Kam.Core.Opportunities;

/// <summary>A won project counts its expected amount on the day won (winning sets its signing date to that day).</summary>
internal sealed class OpportunityLedger : LedgerSource<Opportunity>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Won];

    protected override void Facts(Opportunity opportunity, LedgerContext context, List<Fact> into)
    {
        if (opportunity.Status == OpportunityStatus.Won && opportunity.ExpectedSignOn is { } on && opportunity.ArchivedAt is null)
            into.Add(new Fact(LedgerMetric.Won, on, opportunity.OwnerId, opportunity.AccountId, Fen.Of(opportunity.ExpectedAmount), 1));
    }
}
