using Kam.Core.Common;
using Kam.Core.Ledger;

namespace Kam.Core.Opportunities;

/// <summary>
/// A project counts its expected amount on the day it was opened (新增商机), credited to its owner then, and again on
/// the day won (winning sets its signing date to that day); an archived project counts for neither.
/// </summary>
internal sealed class OpportunityLedger : LedgerSource<Opportunity>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Won, LedgerMetric.Opened];

    protected override void Stamp(Opportunity opportunity, LedgerContext context)
    {
        // A new project (not saved yet, so no creation time): opened today, for its owner.
        if (opportunity.CreatedAt == default && opportunity.OpenedOn is null)
            opportunity.OpenedOn = context.Today;
        opportunity.CreditedToId ??= opportunity.OwnerId;
    }

    protected override void Facts(Opportunity opportunity, LedgerContext context, List<Fact> into)
    {
        if (opportunity.ArchivedAt is not null)
            return;
        var opened = opportunity.OpenedOn ?? BusinessClock.DateOf(opportunity.CreatedAt);
        into.Add(new Fact(LedgerMetric.Opened, opened, opportunity.CreditedToId ?? opportunity.OwnerId, opportunity.AccountId, Fen.Of(opportunity.ExpectedAmount), 1));
        if (opportunity.Status == OpportunityStatus.Won && opportunity.ExpectedSignOn is { } on)
            into.Add(new Fact(LedgerMetric.Won, on, opportunity.OwnerId, opportunity.AccountId, Fen.Of(opportunity.ExpectedAmount), 1));
    }
}
