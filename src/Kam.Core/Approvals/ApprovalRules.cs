using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Approvals;

/// <summary>
/// The rules per document type (setting <see cref="Key"/>), configured by the head and the admin: each rule is a step
/// for a role when its condition holds; the steps keep the rules' order. The default is the seed's authority: the
/// head approves contracts, the executive too from 1,000,000 CNY or with non-standard payment terms; the head
/// approves orders beyond their contract and make-up shipments.
/// </summary>
public sealed class ApprovalRules(Settings settings)
{
    public const string Key = "approvals.rules";

    public const decimal DefaultThreshold = 1_000_000m;

    public static IReadOnlyDictionary<string, IReadOnlyList<ApprovalRule>> Default { get; } = new Dictionary<string, IReadOnlyList<ApprovalRule>>
    {
        [ApprovalDocuments.Contract] =
        [
            new(Roles.Head, ApprovalCondition.Always),
            new(Roles.Executive, ApprovalCondition.AmountAtLeastOrNonStandardTerms, DefaultThreshold),
        ],
        [ApprovalDocuments.Order] = [new(Roles.Head, ApprovalCondition.Always)],
        [ApprovalDocuments.MakeUpShipment] = [new(Roles.Head, ApprovalCondition.Always)],
        [ApprovalDocuments.Plan] = [new(Roles.Executive, ApprovalCondition.Always)],
        [ApprovalDocuments.Budget] =
        [
            new(Roles.Head, ApprovalCondition.Always),
            new(Roles.Executive, ApprovalCondition.AmountAtLeast, DefaultBudgetThreshold),
        ],
        [ApprovalDocuments.BudgetAdjustment] =
        [
            new(Roles.Head, ApprovalCondition.Always),
            new(Roles.Executive, ApprovalCondition.AmountAtLeast, DefaultBudgetThreshold),
        ],
        [ApprovalDocuments.Activity] =
        [
            new(Roles.Head, ApprovalCondition.Always),
            new(Roles.Executive, ApprovalCondition.AmountAtLeast, 100_000m),
        ],
        [ApprovalDocuments.AppraisalScheme] = [new(Roles.Executive, ApprovalCondition.Always)],
        [ApprovalDocuments.AppraisalMonth] = [new(Roles.Executive, ApprovalCondition.Always)],
        [ApprovalDocuments.RewardFault] = [new(Roles.Executive, ApprovalCondition.Always)],
        [ApprovalDocuments.CommissionScheme] = [new(Roles.Executive, ApprovalCondition.Always)],
        [ApprovalDocuments.CommissionRun] = [new(Roles.Head, ApprovalCondition.Always), new(Roles.Executive, ApprovalCondition.Always)],
        [ApprovalDocuments.ExpenseClaim] =
        [
            new(Roles.Head, ApprovalCondition.Always),
            new(Roles.Executive, ApprovalCondition.OverBudget),
        ],
    };

    /// <summary>A year's budget (or what an adjustment adds) from which the executive approves too (上级报批).</summary>
    public const decimal DefaultBudgetThreshold = 500_000m;

    /// <summary>The roles a step may name.</summary>
    public static IReadOnlyList<string> ApproverRoles { get; } = [Roles.Head, Roles.Executive];

    /// <summary>The roles a pending step may be delegated to (the API checks it, the approval trail offers them).</summary>
    public static IReadOnlyList<string> DelegateRoles { get; } = [Roles.Head, Roles.Executive, Roles.Assistant];

    /// <summary>Who delegates a pending step to somebody else: the head.</summary>
    public static bool Delegates(ICurrentUser me) => me.IsInRole(Roles.Head);

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<ApprovalRule>>> GetAsync(CancellationToken ct = default)
    {
        var stored = await settings.GetAsync<Dictionary<string, List<ApprovalRule>>?>(Key, null, ct);
        var result = new Dictionary<string, IReadOnlyList<ApprovalRule>>(Default);
        if (stored is not null)
        {
            // A stored document that a past version let through with holes in it never breaks a submission.
            foreach (var (type, list) in stored.Where(s => s.Value is not null))
                result[type] = list.Where(r => r is not null && ApproverRoles.Contains(r.Role) && Enum.IsDefined(r.Condition)).ToList();
        }
        return result;
    }

    public async Task<IReadOnlyList<ApprovalRule>> StepsForAsync(string documentType, ApprovalFacts facts, CancellationToken ct = default)
    {
        var all = await GetAsync(ct);
        return all.TryGetValue(documentType, out var list) ? list.Where(r => Applies(r, facts)).ToList() : [];
    }

    public static bool Applies(ApprovalRule rule, ApprovalFacts facts) => rule.Condition switch
    {
        ApprovalCondition.Always => true,
        ApprovalCondition.AmountAtLeast => facts.Amount >= (rule.Threshold ?? DefaultThreshold),
        ApprovalCondition.NonStandardTerms => facts.NonStandardTerms,
        ApprovalCondition.AmountAtLeastOrNonStandardTerms => facts.Amount >= (rule.Threshold ?? DefaultThreshold) || facts.NonStandardTerms,
        ApprovalCondition.OverBudget => facts.OverBudget,
        _ => false,
    };

    /// <summary>The reason of a step added because a claim spends past an escalating budget: it cannot be delegated.</summary>
    public const string OverBudgetReason = "over_budget";

    public static string ReasonCode(ApprovalCondition condition) => condition switch
    {
        ApprovalCondition.Always => "always",
        ApprovalCondition.AmountAtLeast => "amount_at_least",
        ApprovalCondition.NonStandardTerms => "non_standard_terms",
        ApprovalCondition.OverBudget => OverBudgetReason,
        _ => "amount_or_terms",
    };
}
