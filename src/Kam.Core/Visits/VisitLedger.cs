using Kam.Core.Ledger;

namespace Kam.Core.Visits;

/// <summary>A completed visit counts on its day for the person who made it.</summary>
internal sealed class VisitLedger : LedgerSource<Visit>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.VisitDone];

    protected override void Facts(Visit visit, LedgerContext context, List<Fact> into)
    {
        if (visit.Status == VisitStatus.Done)
            into.Add(new Fact(LedgerMetric.VisitDone, visit.Date, visit.UserId, visit.AccountId, 0, 1));
    }
}
