using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>
/// What a contract does when its approval ends: approved → Approved (a supplement then counts in its parent's effective
/// amount and end); rejected → Rejected, back with its author to edit and resubmit; withdrawn → Draft.
/// </summary>
public sealed class ContractApproval(IKamDb db) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.Contract;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        // Unscoped: the approver acting now may be a delegate who does not otherwise see the account.
        var contract = await db.Unscoped<Contract>().FirstOrDefaultAsync(c => c.Id == request.DocumentId, ct);
        if (contract is null || contract.Status != ContractStatus.UnderReview)
            return;
        contract.Status = outcome switch
        {
            ApprovalStatus.Approved => ContractStatus.Approved,
            ApprovalStatus.Rejected => ContractStatus.Rejected,
            _ => ContractStatus.Draft,
        };
        contract.ApprovalId = request.Id;
        if (contract.Kind == ContractKind.Supplementary)
            await Effective.RecomputeParentAsync(db, contract, ct);
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<Contract>().AnyAsync(c => c.Id == documentId, ct);

    public string Link(Guid documentId) => $"/contracts/{documentId}";
}
