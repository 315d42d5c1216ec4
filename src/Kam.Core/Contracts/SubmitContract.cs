using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>The version the actor saw (a stale one is refused with 409) and, for a submission, a note to the approvers.</summary>
public sealed record ContractActionInput(Guid? Version = null, string? Note = null);

/// <summary>
/// Sends a draft (or a rejected contract) for approval (审批). The rules see the amount and the payment terms. For a
/// supplementary agreement the amount is the parent's effective amount after the change: what the department commits
/// to in total decides whose authority it needs (a supplement taking a contract past 1,000,000 goes to the executive).
/// </summary>
public sealed class SubmitContract(IKamDb db, ContractRules rules, ApprovalEngine engine)
{
    public async Task<Result> Handle(Guid id, ContractActionInput input, CancellationToken ct = default)
    {
        var contract = await db.Read<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
            return Error.NotFound("contract.not_found");
        if (!rules.Drafts)
            return Error.Forbidden("contract.read_only");
        if (input.Version is { } version && version != contract.Version)
            return Error.Conflict();
        if (!ContractRules.IsDraft(contract.Status) || contract.ArchivedAt is not null)
            return Error.Conflict("contract.locked");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        var amount = contract.Amount;
        if (contract.ParentId is { } parentId)
        {
            var parent = await db.Unscoped<Contract>().AsNoTracking().Where(p => p.Id == parentId).Select(p => new { p.Status, p.EffectiveAmount }).FirstAsync(ct);
            if (!ContractRules.TakesSupplements(parent.Status))
                return Error.Validation("parentId", "contract.parent_not_active");
            amount = parent.EffectiveAmount + contract.Amount;
        }

        if (input.Version is { } seen)
            db.Entry(contract).Property(c => c.Version).OriginalValue = seen;
        contract.Status = ContractStatus.UnderReview;
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.Contract, contract.Id, contract.AccountId,
            $"{contract.Number} {contract.Title}", new ApprovalFacts(amount, contract.NonStandardTerms), input.Note), ct);
        contract.ApprovalId = request.Id;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return Result.Success;
    }
}
