using Kam.Core.Common;
using Kam.Core.Ledger;

namespace Kam.Core.Accounts;

/// <summary>
/// An account counts once as developed (新开发大客户) on the day it became active, or was created active, credited to
/// its owner then; one created before this was recorded counts from its creation day, for the owner it was fixed for.
/// </summary>
internal sealed class AccountLedger : LedgerSource<Account>
{
    public override IReadOnlyList<LedgerMetric> Metrics => [LedgerMetric.NewAccount];

    protected override void Stamp(Account account, LedgerContext context)
    {
        if (account.Status == AccountStatus.Prospect || account.CreditedToId is not null)
            return;
        account.BecameActiveOn ??= context.Today;
        account.CreditedToId = account.OwnerId;
    }

    protected override void Facts(Account account, LedgerContext context, List<Fact> into)
    {
        if (account.CreditedToId is not { } credited)
            return;
        var on = account.BecameActiveOn ?? BusinessClock.DateOf(account.CreatedAt);
        into.Add(new Fact(LedgerMetric.NewAccount, on, credited, account.Id, 0, 1));
    }
}
