using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>Edits a draft (or a rejected contract back with its author). Under review or later it is locked.</summary>
public sealed class UpdateContract(IKamDb db, IValidator<ContractInput> validator, ContractRules rules)
{
    public async Task<Result<Guid>> Handle(Guid id, ContractInput input, CancellationToken ct = default)
    {
        var contract = await db.Read<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
            return Error.NotFound("contract.not_found");
        if (!rules.Drafts)
            return Error.Forbidden("contract.read_only");
        if (!ContractRules.IsDraft(contract.Status))
            return Error.Conflict("contract.locked");
        if (contract.ArchivedAt is not null)
            return Error.Conflict("contract.archived");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != contract.Version)
            return Error.Conflict();
        if (input.Kind == ContractKind.Supplementary != (contract.Kind == ContractKind.Supplementary))
            return Error.Validation("kind", "contract.kind_fixed");
        if (input.ParentId == id)
            return Error.Validation("parentId", "contract.parent_unknown");

        // The checks come before any change: a refused edit leaves nothing behind in a long-lived context.
        if (await rules.ApplyAsync(contract, input, ct) is { } error)
            return error;
        db.Entry(contract).Property(c => c.Version).OriginalValue = version;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return contract.Id;
    }
}
