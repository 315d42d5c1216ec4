using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>A draft nobody will pursue leaves the lists (soft delete) and can be restored; anything submitted stays.</summary>
public sealed class ArchiveContract(IKamDb db, ContractRules rules, TimeProvider clock)
{
    public Task<Result> Archive(Guid id, CancellationToken ct = default) => Set(id, archive: true, ct);

    public Task<Result> Restore(Guid id, CancellationToken ct = default) => Set(id, archive: false, ct);

    private async Task<Result> Set(Guid id, bool archive, CancellationToken ct)
    {
        var contract = await db.Read<Contract>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
            return Error.NotFound("contract.not_found");
        if (!rules.Drafts)
            return Error.Forbidden("contract.read_only");
        if (!ContractRules.IsDraft(contract.Status))
            return Error.Conflict("contract.not_draft");
        if (archive == contract.ArchivedAt is not null)
            return Result.Success;
        contract.ArchivedAt = archive ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
