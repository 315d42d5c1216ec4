using Kam.Core.Ledger;

namespace Kam.Core.Contracts;

/// <summary>A signed contract counts its amount on the signing day, credited to its owner when signed.</summary>
internal sealed class ContractLedger : LedgerSource<Contract>
{
    private static readonly ContractStatus[] SignedStatuses = [ContractStatus.Signed, ContractStatus.InForce, ContractStatus.Expired, ContractStatus.Terminated];

    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.Signed];

    protected override void Stamp(Contract contract, LedgerContext context)
    {
        if (contract.SignedOn is not null && contract.CreditedToId is null)
            contract.CreditedToId = contract.OwnerId;
    }

    protected override void Facts(Contract contract, LedgerContext context, List<Fact> into)
    {
        if (contract.SignedOn is { } on && SignedStatuses.Contains(contract.Status) && contract.ArchivedAt is null)
        {
            // A supplementary agreement adds its amount, not another contract.
            // A split credit (业绩分摊) divides the amount between its people.
            foreach (var (person, fen, count) in CreditShares.Split(contract.CreditShares, contract.CreditedToId ?? contract.OwnerId,
                         Fen.Of(contract.Amount), contract.Kind == ContractKind.Supplementary ? 0 : 1))
                into.Add(new Fact(LedgerMetric.Signed, on, person, contract.AccountId, fen, count));
        }
    }
}
