using FluentValidation;

namespace Kam.Core.Contracts;

/// <summary>The fields a person edits on a contract or supplementary agreement; shared by create and update.</summary>
public sealed record ContractInput
{
    public ContractKind? Kind { get; init; }
    public Guid? AccountId { get; init; }

    /// <summary>Required for (and only for) a supplementary agreement: the contract it changes, of the same account.</summary>
    public Guid? ParentId { get; init; }
    public Guid? OpportunityId { get; init; }
    public string Title { get; init; } = "";

    /// <summary>The contract's amount; for a supplementary agreement the change to the parent's amount (may be negative).</summary>
    public decimal? Amount { get; init; }
    public DateOnly? StartOn { get; init; }

    /// <summary>The end; for a supplementary agreement the parent's new end (counts only if later than the parent's).</summary>
    public DateOnly? EndOn { get; init; }
    public string? PaymentTerms { get; init; }
    public bool NonStandardTerms { get; init; }

    /// <summary>What a supplementary agreement changes, in words (required for one).</summary>
    public string? Changes { get; init; }
    public string? OurSignatory { get; init; }
    public string? CustomerSignatory { get; init; }

    /// <summary>An account manager on the account (its owner or team); default: the account's owner.</summary>
    public Guid? OwnerId { get; init; }

    /// <summary>The version the editor loaded (update only); a stale one is refused with 409.</summary>
    public Guid? Version { get; init; }
}

public sealed class ContractInputValidator : AbstractValidator<ContractInput>
{
    public const decimal MaxAmount = 10_000_000_000m;

    public ContractInputValidator()
    {
        RuleFor(x => x.Kind).NotNull().WithErrorCode("contract.kind_required").IsInEnum().WithErrorCode("field.invalid");
        RuleFor(x => x.AccountId).NotNull().WithErrorCode("contract.account_required");
        RuleFor(x => x.ParentId).NotNull().WithErrorCode("contract.parent_required").When(x => x.Kind == ContractKind.Supplementary);
        RuleFor(x => x.ParentId).Null().WithErrorCode("contract.parent_only_supplementary").When(x => x.Kind is not null and not ContractKind.Supplementary);
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("contract.title_required").MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Amount).NotNull().WithErrorCode("contract.amount_required");
        RuleFor(x => x.Amount).InclusiveBetween(0, MaxAmount).WithErrorCode("contract.amount_range")
            .When(x => x.Amount is not null && x.Kind != ContractKind.Supplementary);
        RuleFor(x => x.Amount).InclusiveBetween(-MaxAmount, MaxAmount).WithErrorCode("contract.amount_range")
            .When(x => x.Amount is not null && x.Kind == ContractKind.Supplementary);
        RuleFor(x => x.StartOn).NotNull().WithErrorCode("contract.start_required");
        RuleFor(x => x.EndOn).NotNull().WithErrorCode("contract.end_required");
        RuleFor(x => x.EndOn).Must((x, end) => end >= x.StartOn).WithErrorCode("contract.end_before_start")
            .When(x => x.StartOn is not null && x.EndOn is not null);
        RuleFor(x => x.PaymentTerms).MaximumLength(1000).WithErrorCode("field.too_long");
        RuleFor(x => x.Changes).NotEmpty().WithErrorCode("contract.changes_required").When(x => x.Kind == ContractKind.Supplementary);
        RuleFor(x => x.Changes).MaximumLength(2000).WithErrorCode("field.too_long");
        RuleFor(x => x.OurSignatory).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.CustomerSignatory).MaximumLength(50).WithErrorCode("field.too_long");
    }
}
