using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>
/// A contract's effective amount and end: its own plus every supplementary agreement that counts (approved or later,
/// not terminated). Summed in memory: a contract has a handful of supplements, and SQLite sums decimals as text.
/// </summary>
public static class Effective
{
    public static async Task RecomputeAsync(IKamDb db, Contract contract, CancellationToken ct)
    {
        contract.EffectiveAmount = contract.Amount;
        contract.EffectiveEndOn = contract.EndOn;
        if (contract.Kind == ContractKind.Supplementary)
            return;
        // Tracked on purpose: a supplement whose status just changed in this unit of work is seen with its new status.
        var supplements = await db.Unscoped<Contract>().Where(s => s.ParentId == contract.Id && s.ArchivedAt == null).ToListAsync(ct);
        foreach (var s in supplements.Where(s => ContractRules.Counts(s.Status)))
        {
            contract.EffectiveAmount += s.Amount;
            if (s.EndOn > contract.EffectiveEndOn)
                contract.EffectiveEndOn = s.EndOn;
        }
    }

    /// <summary>After a supplement's status changed: its parent's figures again.</summary>
    public static async Task RecomputeParentAsync(IKamDb db, Contract supplement, CancellationToken ct)
    {
        if (supplement.ParentId is not { } parentId)
            return;
        var parent = await db.Unscoped<Contract>().FirstOrDefaultAsync(p => p.Id == parentId, ct);
        if (parent is not null)
            await RecomputeAsync(db, parent, ct);
    }
}
