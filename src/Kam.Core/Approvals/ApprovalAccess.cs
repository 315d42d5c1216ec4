using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Approvals;

/// <summary>
/// Who sees a request: those who see every account (head, assistant, executive), its author, whoever a step was
/// delegated to, and anyone who may see the document itself (an account manager sees the approvals of the contracts
/// of their accounts). Anyone else gets 404.
/// </summary>
public sealed class ApprovalAccess(IKamDb db, ICurrentUser me, ApprovalEngine engine)
{
    public async Task<ApprovalRequest?> FindAsync(Guid id, bool track, CancellationToken ct)
    {
        var query = db.Unscoped<ApprovalRequest>().Include(r => r.Steps).AsQueryable();
        var request = await (track ? query : query.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct);
        return request is not null && await VisibleAsync(request, ct) ? request : null;
    }

    public async Task<bool> VisibleAsync(ApprovalRequest request, CancellationToken ct) =>
        DataScope.SeesAllAccounts(me)
        || request.SubmitterId == me.Id
        || request.Steps.Any(s => s.DelegateId == me.Id && me.Id is not null)
        || await engine.Handler(request.DocumentType).VisibleAsync(request.DocumentId, ct);
}
