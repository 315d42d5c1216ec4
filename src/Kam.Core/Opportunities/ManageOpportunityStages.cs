using System.Text.RegularExpressions;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>
/// The head configures the pipeline: an ordered list of stages, open ones plus exactly one won and one lost stage.
/// A stage that open projects are in cannot be removed (nor made a closing stage); a new probability applies at once
/// to the open projects in that stage.
/// </summary>
public sealed partial class ManageOpportunityStages(IKamDb db, ICurrentUser me, Settings settings, OpportunityRules rules)
{
    public Task<IReadOnlyList<OpportunityStage>> Get(CancellationToken ct = default) => rules.StagesAsync(ct);

    public async Task<Result<IReadOnlyList<OpportunityStage>>> Set(IReadOnlyList<OpportunityStage>? stages, CancellationToken ct = default)
    {
        if (!OpportunityAccess.Manages(me))
            return Error.Forbidden();
        stages ??= [];
        var errors = Check(stages);
        if (errors.Count > 0)
            return Error.Validation(errors);
        var cleaned = stages.Select(s => s with { Key = s.Key.Trim(), Name = s.Name.Trim() }).ToList();

        var openKeys = cleaned.Where(s => s.Outcome == OpportunityStatus.Open).Select(s => s.Key).ToList();
        var inUse = await db.Unscoped<Opportunity>().Where(o => o.Status == OpportunityStatus.Open && !openKeys.Contains(o.Stage))
            .GroupBy(o => o.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(ct);
        if (inUse.Count > 0)
        {
            var current = await rules.StagesAsync(ct);
            return Error.Validation(inUse.OrderBy(u => u.Stage).Select(u => new FieldError("stages", "opportunity.stage_in_use",
                current.FirstOrDefault(s => s.Key == u.Stage)?.Name ?? u.Stage, u.Count)));
        }

        var before = await rules.StagesAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await settings.SetAsync(OpportunityStages.Key, cleaned, ct);
        await db.SaveChangesAsync(ct);
        foreach (var stage in cleaned.Where(s => s.Outcome == OpportunityStatus.Open))
        {
            if (before.FirstOrDefault(b => b.Key == stage.Key) is { } old && old.Probability == stage.Probability)
                continue;
            // The probability is the stage's: open projects in it follow (a derived value, set by statement).
            await db.Unscoped<Opportunity>().Where(o => o.Status == OpportunityStatus.Open && o.Stage == stage.Key && o.Probability != stage.Probability)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Probability, stage.Probability), ct);
        }
        await tx.CommitAsync(ct);
        return cleaned;
    }

    private static List<FieldError> Check(IReadOnlyList<OpportunityStage> stages)
    {
        var errors = new List<FieldError>();
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            if (string.IsNullOrWhiteSpace(s.Key) || !KeyPattern().IsMatch(s.Key.Trim()))
                errors.Add(new FieldError($"stages[{i}].key", "opportunity.stage_key_invalid"));
            else if (stages.Take(i).Any(p => p.Key?.Trim() == s.Key.Trim()))
                errors.Add(new FieldError($"stages[{i}].key", "opportunity.stage_key_duplicate"));
            if (string.IsNullOrWhiteSpace(s.Name) || s.Name.Trim().Length > 20)
                errors.Add(new FieldError($"stages[{i}].name", "opportunity.stage_name_invalid"));
            if (s.Probability is < 0 or > 100)
                errors.Add(new FieldError($"stages[{i}].probability", "opportunity.stage_probability_range"));
            if (!Enum.IsDefined(s.Outcome))
                errors.Add(new FieldError($"stages[{i}].outcome", "opportunity.stage_outcome_invalid"));
        }
        if (stages.Count(s => s.Outcome == OpportunityStatus.Won) != 1 || stages.Count(s => s.Outcome == OpportunityStatus.Lost) != 1)
            errors.Add(new FieldError("stages", "opportunity.stages_one_won_one_lost"));
        if (!stages.Any(s => s.Outcome == OpportunityStatus.Open))
            errors.Add(new FieldError("stages", "opportunity.stages_need_open"));
        if (stages.Count > 20)
            errors.Add(new FieldError("stages", "opportunity.stages_too_many"));
        return errors;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex KeyPattern();
}
