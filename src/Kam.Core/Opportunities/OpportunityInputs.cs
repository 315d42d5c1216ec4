using FluentValidation;

namespace Kam.Core.Opportunities;

/// <summary>
/// A cooperation project as the form and the API send it. <see cref="OwnerId"/>: an account manager on the account
/// (default: the creator if they are one, else the account's owner). <see cref="Stage"/>: a key of the configured stages.
/// </summary>
public sealed record OpportunityInput
{
    public Guid AccountId { get; init; }
    public string? Name { get; init; }
    public string? Products { get; init; }
    public decimal? ExpectedAmount { get; init; }
    public string? Stage { get; init; }
    public DateOnly? ExpectedSignOn { get; init; }
    public string? Competitors { get; init; }
    public Guid? OwnerId { get; init; }
    public string? NextStep { get; init; }
    public DateOnly? NextStepOn { get; init; }

    /// <summary>Required when the stage is the lost one.</summary>
    public string? LostReason { get; init; }
    public Guid? Version { get; init; }
}

/// <summary>A drag on the board: the target stage and the new position (<see cref="Rank"/>, lower first; none = on top of the column).</summary>
public sealed record OpportunityMoveInput(string? Stage, int? Rank, string? LostReason, Guid? Version);

public sealed record OpportunityVersionInput(Guid? Version);

/// <summary>Filters of the list and the export. <see cref="Month"/>: expected signing month, yyyy-MM.</summary>
public sealed record OpportunityQuery
{
    public string? Search { get; init; }
    public string? Stage { get; init; }
    public OpportunityStatus? Status { get; init; }
    public Guid? OwnerId { get; init; }
    public Guid? AccountId { get; init; }
    public string? Month { get; init; }

    /// <summary>With <see cref="CreditPeriod"/>: the records credited to this person in the period (the targets' drill-down).</summary>
    public Guid? Credited { get; init; }

    public string? CreditPeriod { get; init; }

    /// <summary>false (default): the current ones; true: the archived ones.</summary>
    public bool? Archived { get; init; }
    public string? Sort { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed class OpportunityInputValidator : AbstractValidator<OpportunityInput>
{
    /// <summary>The largest amount a decimal(18,2) column holds.</summary>
    public const decimal MaxAmount = 9_999_999_999_999_999.99m;

    public OpportunityInputValidator()
    {
        RuleFor(x => x.AccountId).NotEmpty().WithErrorCode("opportunity.account_required");
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("opportunity.name_required").MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Products).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.ExpectedAmount).NotNull().WithErrorCode("opportunity.amount_required")
            .InclusiveBetween(0, MaxAmount).WithErrorCode("opportunity.amount_range");
        RuleFor(x => x.ExpectedSignOn).Must(d => d!.Value.Year is > 2000 and < 2100).WithErrorCode("opportunity.date_range").When(x => x.ExpectedSignOn is not null);
        RuleFor(x => x.NextStepOn).Must(d => d!.Value.Year is > 2000 and < 2100).WithErrorCode("opportunity.date_range").When(x => x.NextStepOn is not null);
        RuleFor(x => x.Competitors).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.NextStep).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.LostReason).MaximumLength(500).WithErrorCode("field.too_long");
    }
}
