using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Approvals;

/// <summary>
/// A request is seen by those who see every account, by its author, by whoever a step was delegated to, and by those
/// who see the account its document is about (see <see cref="ApprovalAccess"/>, which also asks the document itself).
/// </summary>
public sealed class ApprovalRequestScope : IScopeRule<ApprovalRequest>
{
    public IQueryable<ApprovalRequest> Visible(IQueryable<ApprovalRequest> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        if (me.Id is not { } id)
            return all.Where(r => false);
        var accounts = db.Read<Account>().Select(a => a.Id);
        return all.Where(r => r.SubmitterId == id || r.Steps.Any(s => s.DelegateId == id)
            || (r.AccountId != null && accounts.Contains(r.AccountId.Value)));
    }
}

/// <summary>A step is seen with its request.</summary>
public sealed class ApprovalStepScope() : ThroughParent<ApprovalStep, ApprovalRequest>(s => s.RequestId);
