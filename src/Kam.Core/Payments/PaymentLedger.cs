using Kam.Core.Common;
using Kam.Core.Ledger;

namespace Kam.Core.Payments;

/// <summary>
/// A payment counts as collected on the day received, credited to the account's owner when it was recorded; a
/// reversal takes it back on the day it was reversed.
/// </summary>
internal sealed class PaymentLedger : LedgerSource<Payment>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Collected];

    public override bool NeedsOwners => true;

    protected override void Stamp(Payment payment, LedgerContext context) =>
        payment.CreditedToId ??= context.OwnerOf(payment.AccountId);

    protected override void Facts(Payment payment, LedgerContext context, List<Fact> into)
    {
        var person = payment.CreditedToId ?? context.OwnerOf(payment.AccountId);
        // A split credit (业绩分摊) divides the payment, and its reversal, between its people.
        foreach (var (share, fen, count) in CreditShares.Split(payment.CreditShares, person, Fen.Of(payment.Amount), 1))
        {
            into.Add(new Fact(LedgerMetric.Collected, payment.ReceivedOn, share, payment.AccountId, fen, count));
            if (payment.ReversedAt is { } at)
                into.Add(new Fact(LedgerMetric.Collected, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, BusinessClock.Zone).DateTime), share, payment.AccountId, -fen, -count));
        }
    }
}

/// <summary>
/// An unsettled instalment is open on its due date for what is still to collect: a balance that belongs to whoever
/// owns the account now (the ledger moves it when the account changes hands).
/// </summary>
internal sealed class InstalmentLedger : LedgerSource<Instalment>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Receivable];

    public override bool NeedsOwners => true;

    protected override void Facts(Instalment instalment, LedgerContext context, List<Fact> into)
    {
        if (!instalment.Settled)
        {
            into.Add(new Fact(LedgerMetric.Receivable, instalment.DueOn, context.OwnerOf(instalment.AccountId), instalment.AccountId,
                Fen.Of(Math.Max(0, instalment.Amount - instalment.Collected)), 1));
        }
    }
}
