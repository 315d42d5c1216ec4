using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Accounts;

/// <summary>Tier null clears the override and returns the account to what the rules give.</summary>
public sealed record TierOverrideInput(AccountTier? Tier, string? Reason, Guid Version);

public sealed class TierOverrideValidator : AbstractValidator<TierOverrideInput>
{
    public TierOverrideValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithErrorCode("account.tier_reason_required").When(x => x.Tier is not null);
        RuleFor(x => x.Reason).MaximumLength(200).WithErrorCode("field.too_long");
    }
}

/// <summary>The head overrides a computed tier, always with a reason; both are in the audit trail.</summary>
public sealed class OverrideTier(IKamDb db, ICurrentUser me, IValidator<TierOverrideInput> validator, Settings settings)
{
    public async Task<Result> Handle(Guid id, TierOverrideInput input, CancellationToken ct = default)
    {
        var account = await db.Read<Account>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        if (!DataScope.ManagesAccounts(me))
            return Error.Forbidden("account.only_head_overrides_tier");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (account.Version != input.Version)
            return Error.Conflict();
        account.TierOverride = input.Tier;
        account.TierOverrideReason = input.Tier is null ? null : input.Reason!.Trim();
        (await settings.GetAsync(TierPolicy.SettingKey, TierPolicy.Default, ct)).Apply(account);
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}

/// <summary>The head reads and changes the tier rules; every account's computed tier follows at once.</summary>
public sealed class ManageTierPolicy(IKamDb db, ICurrentUser me, Settings settings)
{
    public Task<TierPolicy> Get(CancellationToken ct = default) => settings.GetAsync(TierPolicy.SettingKey, TierPolicy.Default, ct);

    public async Task<Result<int>> Save(TierPolicy policy, CancellationToken ct = default)
    {
        if (!DataScope.ManagesAccounts(me))
            return Error.Forbidden();
        var errors = policy.Rules.Select((r, i) => (r, i))
            .Where(x => x.r.MinAnnualPurchase is < 0 || (x.r.MinAnnualPurchase is null && x.r.Categories is not { Count: > 0 }))
            .Select(x => new FieldError($"rules[{x.i}]", "account.tier_rule_invalid")).ToList();
        if (policy.Rules.Count > 20)
            errors.Add(new FieldError("rules", "account.tier_rules_too_many"));
        if (errors.Count > 0)
            return Error.Validation(errors);
        await settings.SetAsync(TierPolicy.SettingKey, policy, ct);
        await db.SaveChangesAsync(ct);
        var changed = 0;
        // Recomputed in batches so a 50,000-account archive never sits in memory at once; each change is audited. The
        // policy is saved already, so a batch that meets someone's edit of one of its accounts is read again and
        // recomputed, never left behind: every tier agrees with the saved policy when this returns. (An edit that
        // read the old policy and saves after its batch fails on the version the batch moved.)
        for (var skip = 0; ; skip += 500)
        {
            for (var attempt = 1; ; attempt++)
            {
                var batch = await db.Unscoped<Account>().OrderBy(a => a.Id).Skip(skip).Take(500).ToListAsync(ct);
                if (batch.Count == 0)
                    return changed;
                var batchChanged = 0;
                foreach (var account in batch)
                {
                    var before = (account.Tier, account.TierRule);
                    policy.Apply(account);
                    if (before != (account.Tier, account.TierRule))
                        batchChanged++;
                }
                try
                {
                    await db.SaveChangesAsync(ct);
                    changed += batchChanged;
                    db.ChangeTracker.Clear();
                    break;
                }
                catch (DbUpdateConcurrencyException) when (attempt < 10)
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
    }
}
