using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Approvals;

/// <summary>The rules of one document type as edited on the rules page.</summary>
public sealed record ApprovalRuleSet(string DocumentType, IReadOnlyList<ApprovalRule> Rules);

/// <summary>Every document type's rules, and the setting's version for the next save.</summary>
public sealed record ApprovalRulesView(IReadOnlyList<ApprovalRuleSet> Types, Guid? Version);

public sealed record ApprovalRulesInput(IReadOnlyList<ApprovalRuleSet>? Types, Guid? Version);

public sealed class ApprovalRulesInputValidator : AbstractValidator<ApprovalRulesInput>
{
    public ApprovalRulesInputValidator()
    {
        RuleFor(x => x.Types).NotNull().WithErrorCode("field.required");
        RuleForEach(x => x.Types).NotNull().WithErrorCode("field.required").ChildRules(type =>
        {
            type.RuleFor(t => t.DocumentType).Must(t => t is not null && ApprovalRules.Default.ContainsKey(t)).WithErrorCode("approval.unknown_document_type");
            type.RuleFor(t => t.Rules).NotNull().WithErrorCode("field.required").Must(r => r is null || r.Count <= 5).WithErrorCode("approval.too_many_steps");
            type.RuleForEach(t => t.Rules).NotNull().WithErrorCode("field.required").ChildRules(rule =>
            {
                rule.RuleFor(r => r.Role).Must(r => r is not null && ApprovalRules.ApproverRoles.Contains(r)).WithErrorCode("approval.role_invalid");
                rule.RuleFor(r => r.Condition).IsInEnum().WithErrorCode("field.invalid");
                rule.RuleFor(r => r.Threshold).NotNull().WithErrorCode("approval.threshold_required").GreaterThan(0).WithErrorCode("approval.threshold_positive")
                    .When(r => r.Condition is ApprovalCondition.AmountAtLeast or ApprovalCondition.AmountAtLeastOrNonStandardTerms);
            });
        });
    }
}

/// <summary>
/// Reads and changes the approval rules per document type (head and admin). A change applies to documents submitted
/// from then on; requests already under way keep the steps they were given.
/// </summary>
public sealed class ManageApprovalRules(IKamDb db, ApprovalRules rules, Settings settings, IValidator<ApprovalRulesInput> validator)
{
    public async Task<ApprovalRulesView> Get(CancellationToken ct = default)
    {
        var all = await rules.GetAsync(ct);
        var version = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == ApprovalRules.Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        return new ApprovalRulesView(all.Select(kv => new ApprovalRuleSet(kv.Key, kv.Value)).OrderBy(t => t.DocumentType).ToList(), version);
    }

    public async Task<Result<ApprovalRulesView>> Update(ApprovalRulesInput input, CancellationToken ct = default)
    {
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var current = await db.Unscoped<Setting>().AsNoTracking().Where(s => s.Key == ApprovalRules.Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
        if (current != input.Version)
            return Error.Conflict();
        var value = (await rules.GetAsync(ct)).ToDictionary(kv => kv.Key, kv => kv.Value.ToList());
        foreach (var type in input.Types!)
            value[type.DocumentType] = type.Rules.ToList();
        var setting = await settings.SetAsync(ApprovalRules.Key, value, ct);
        if (current is { } version)
            db.Entry(setting).Property(s => s.Version).OriginalValue = version;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return await Get(ct);
    }
}
