using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

public sealed record TerminateInput(string? Reason, DateOnly? TerminatedOn = null, Guid? Version = null);

/// <summary>The head or the assistant ends an agreed or running contract early, with a reason (a supplement terminated
/// no longer counts in its parent).</summary>
public sealed class TerminateContract(IKamDb db, ContractRules rules)
{
    public async Task<Result> Handle(Guid id, TerminateInput input, CancellationToken ct = default)
    {
        var contract = await db.Read<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
            return Error.NotFound("contract.not_found");
        if (!rules.Manages)
            return Error.Forbidden("contract.only_back_office");
        if (input.Version is { } version && version != contract.Version)
            return Error.Conflict();
        if (contract.Status is not (ContractStatus.Approved or ContractStatus.Signed or ContractStatus.InForce))
            return Error.Conflict("contract.not_running");
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0)
            return Error.Validation("reason", "contract.reason_required");
        if (reason.Length > 500)
            return Error.Validation("reason", "field.too_long", 0, 500);
        if (input.TerminatedOn > rules.Today)
            return Error.Validation("terminatedOn", "contract.terminated_on_future");

        if (input.Version is { } seen)
            db.Entry(contract).Property(c => c.Version).OriginalValue = seen;
        contract.Status = ContractStatus.Terminated;
        contract.TerminatedOn = input.TerminatedOn ?? rules.Today;
        contract.TerminationReason = reason;
        if (contract.Kind == ContractKind.Supplementary)
            await Effective.RecomputeParentAsync(db, contract, ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return Result.Success;
    }
}
