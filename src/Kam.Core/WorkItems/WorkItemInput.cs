using FluentValidation;

namespace Kam.Core.WorkItems;

/// <summary>A new task or action item: what, who, by when, and the account it concerns if any.</summary>
public sealed record WorkItemInput
{
    public string Title { get; init; } = "";
    public string? Details { get; init; }
    public Guid? OwnerId { get; init; }
    public DateOnly? DueOn { get; init; }
    public Guid? AccountId { get; init; }
}

public sealed class WorkItemInputValidator : AbstractValidator<WorkItemInput>
{
    public WorkItemInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("workitem.title_required").MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Details).MaximumLength(4000).WithErrorCode("field.too_long");
        RuleFor(x => x.OwnerId).NotNull().WithErrorCode("workitem.owner_required");
        RuleFor(x => x.DueOn).NotNull().WithErrorCode("workitem.due_required");
    }
}
