using Kam.Core.Common;
using Kam.Core.Contracts;

namespace Kam.Core.Payments;

/// <summary>
/// Who writes payment plans and payments: the head and the assistant on every account, an account manager on the
/// accounts they see (the scoped queries already keep the others out with a 404); the executive only reads.
/// </summary>
public sealed class PaymentRules(ICurrentUser me, TimeProvider clock)
{
    public bool Writes => PaymentAccess.Writes(me);

    public DateOnly Today => clock.Today();

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>
    /// A plan is kept from approval on: a draft or a contract under review may still change its amount, and a
    /// terminated or expired one takes no new instalments (its open ones can still be collected).
    /// </summary>
    public static bool PlanEditable(ContractStatus status) =>
        status is ContractStatus.Approved or ContractStatus.Signed or ContractStatus.InForce;

    /// <summary>What is still owed on an instalment: nothing once settled (collected, or written off with its order).</summary>
    public static decimal Due(Instalment i) => i.Settled ? 0m : Math.Max(0m, i.Amount - i.Collected);

    public static decimal Money(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
