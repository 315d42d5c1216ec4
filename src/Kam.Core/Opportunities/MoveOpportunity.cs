using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>
/// A card dragged on the pipeline board (or its stage chosen on a phone): into another stage and/or to another place
/// in a column. Moving to the lost stage needs the reason; a closed project moves only by the head (reopening it).
/// </summary>
public sealed class MoveOpportunity(IKamDb db, OpportunityRules rules)
{
    public async Task<Result> Handle(Guid id, OpportunityMoveInput input, CancellationToken ct = default)
    {
        var opportunity = await db.Read<Opportunity>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
            return Error.NotFound("opportunity.not_found");
        if (!rules.Writes)
            return Error.Forbidden("opportunity.read_only");
        if (opportunity.ArchivedAt is not null)
            return Error.Conflict("opportunity.archived");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != opportunity.Version)
            return Error.Conflict();
        var stage = (await rules.StagesAsync(ct)).FirstOrDefault(s => s.Key == input.Stage);
        if (stage is null)
            return Error.Validation("stage", "opportunity.stage_unknown");
        if (rules.CheckStage(opportunity, stage, input.LostReason, isNew: false) is { } bad)
            return bad;
        if (input.LostReason?.Length > 500)
            return Error.Validation("lostReason", "field.too_long", 0, 500);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rank = opportunity.Rank;
        if (stage.Outcome == OpportunityStatus.Open)
        {
            if (input.Rank is { } wanted)
            {
                // Make room: the cards from that place down shift by one (positions only: no version, no audit entry).
                await db.Unscoped<Opportunity>().Where(o => o.Status == OpportunityStatus.Open && o.Stage == stage.Key && o.Rank >= wanted && o.Id != id)
                    .ExecuteUpdateAsync(s => s.SetProperty(o => o.Rank, o => o.Rank + 1), ct);
                rank = wanted;
            }
            else if (stage.Key != opportunity.Stage || opportunity.Status != OpportunityStatus.Open)
            {
                rank = await rules.TopOfColumnAsync(stage.Key, ct);
            }
        }
        db.Entry(opportunity).Property(o => o.Version).OriginalValue = version;
        rules.EnterStage(opportunity, stage, input.LostReason);
        opportunity.Rank = rank;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        await tx.CommitAsync(ct);
        return Result.Success;
    }
}
