using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>Archives a project (it leaves the lists, the board and the forecast) or restores it. Nothing is deleted.</summary>
public sealed class ArchiveOpportunity(IKamDb db, OpportunityRules rules, TimeProvider clock)
{
    public Task<Result> Archive(Guid id, OpportunityVersionInput? input, CancellationToken ct = default) => Set(id, input, archive: true, ct);

    public Task<Result> Restore(Guid id, OpportunityVersionInput? input, CancellationToken ct = default) => Set(id, input, archive: false, ct);

    private async Task<Result> Set(Guid id, OpportunityVersionInput? input, bool archive, CancellationToken ct)
    {
        var opportunity = await db.Read<Opportunity>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
            return Error.NotFound("opportunity.not_found");
        if (!rules.Writes)
            return Error.Forbidden("opportunity.read_only");
        if (input?.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != opportunity.Version)
            return Error.Conflict();
        if (archive == opportunity.ArchivedAt is not null)
            return Result.Success;
        db.Entry(opportunity).Property(o => o.Version).OriginalValue = version;
        opportunity.ArchivedAt = archive ? clock.GetUtcNow() : null;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }
}
