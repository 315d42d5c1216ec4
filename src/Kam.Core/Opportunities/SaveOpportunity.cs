using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>Creates a cooperation project under an account, or edits one (stage changes follow the same rules as a move).</summary>
public sealed class SaveOpportunity(IKamDb db, OpportunityRules rules, IValidator<OpportunityInput> validator)
{
    public async Task<Result<Guid>> Create(OpportunityInput input, CancellationToken ct = default)
    {
        if (!rules.Writes)
            return Error.Forbidden("opportunity.read_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == input.AccountId, ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        if (account.ArchivedAt is not null)
            return Error.Validation("accountId", "opportunity.account_archived");
        var stages = await rules.StagesAsync(ct);
        var stage = string.IsNullOrWhiteSpace(input.Stage) ? stages.First(s => s.Outcome == OpportunityStatus.Open) : stages.FirstOrDefault(s => s.Key == input.Stage);
        if (stage is null)
            return Error.Validation("stage", "opportunity.stage_unknown");
        var owner = await rules.OwnerAsync(input.OwnerId, account, ct);
        if (!owner.IsSuccess)
            return owner.Error!;
        var opportunity = new Opportunity { AccountId = account.Id, OwnerId = owner.Value };
        if (rules.CheckStage(opportunity, stage, input.LostReason, isNew: true) is { } bad)
            return bad;
        Apply(opportunity, input);
        rules.EnterStage(opportunity, stage, input.LostReason);
        opportunity.Rank = await rules.TopOfColumnAsync(stage.Key, ct);
        db.Unscoped<Opportunity>().Add(opportunity);
        await db.SaveChangesAsync(ct);
        return opportunity.Id;
    }

    public async Task<Result> Update(Guid id, OpportunityInput input, CancellationToken ct = default)
    {
        var opportunity = await db.Read<Opportunity>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
            return Error.NotFound("opportunity.not_found");
        if (!rules.Writes)
            return Error.Forbidden("opportunity.read_only");
        if (opportunity.ArchivedAt is not null)
            return Error.Conflict("opportunity.archived");
        if (await validator.CheckAsync(input with { AccountId = opportunity.AccountId }, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != opportunity.Version)
            return Error.Conflict();
        if (input.AccountId != Guid.Empty && input.AccountId != opportunity.AccountId)
            return Error.Validation("accountId", "opportunity.account_fixed");
        var stages = await rules.StagesAsync(ct);
        var stage = string.IsNullOrWhiteSpace(input.Stage) || input.Stage == opportunity.Stage
            ? stages.FirstOrDefault(s => s.Key == opportunity.Stage) ?? new OpportunityStage(opportunity.Stage, opportunity.Stage, opportunity.Probability, opportunity.Status)
            : stages.FirstOrDefault(s => s.Key == input.Stage);
        if (stage is null)
            return Error.Validation("stage", "opportunity.stage_unknown");
        if (rules.CheckStage(opportunity, stage, input.LostReason, isNew: false) is { } bad)
            return bad;
        // A closed project is the record of a result: only the head corrects it.
        if (opportunity.Status != OpportunityStatus.Open && stage.Outcome != OpportunityStatus.Open && !rules.IsHead)
            return Error.Conflict("opportunity.closed");
        var ownerId = opportunity.OwnerId;
        if (input.OwnerId is { } requested && requested != opportunity.OwnerId)
        {
            var account = await db.Unscoped<Account>().AsNoTracking().FirstAsync(a => a.Id == opportunity.AccountId, ct);
            var owner = await rules.OwnerAsync(requested, account, ct);
            if (!owner.IsSuccess)
                return owner.Error!;
            ownerId = owner.Value;
        }
        var entering = stage.Key != opportunity.Stage || stage.Outcome != opportunity.Status;
        var rank = entering && stage.Outcome == OpportunityStatus.Open ? await rules.TopOfColumnAsync(stage.Key, ct) : opportunity.Rank;

        // Every check passed: only now does the tracked project change.
        db.Entry(opportunity).Property(o => o.Version).OriginalValue = version;
        opportunity.OwnerId = ownerId;
        Apply(opportunity, input);
        rules.EnterStage(opportunity, stage, input.LostReason);
        opportunity.Rank = rank;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private static void Apply(Opportunity o, OpportunityInput input)
    {
        o.Name = input.Name!.Trim();
        o.Products = Trim(input.Products);
        o.ExpectedAmount = Math.Round(input.ExpectedAmount!.Value, 2, MidpointRounding.AwayFromZero);
        o.ExpectedSignOn = input.ExpectedSignOn;
        o.Competitors = Trim(input.Competitors);
        o.NextStep = Trim(input.NextStep);
        o.NextStepOn = input.NextStepOn;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
