using FluentValidation;
using Kam.Core.Contracts;

namespace Kam.Core.Payments;

public sealed record InstalmentView(Guid Id, int No, DateOnly DueOn, decimal Amount, decimal Collected, decimal Due, bool Settled,
    bool Overdue, string? Note, bool HasPayments, Guid Version);

/// <summary>
/// A contract's payment plan. <see cref="Version"/> stands for the whole plan (every instalment's version): a plan
/// saved by someone else in between is refused with 409 instead of being overwritten.
/// </summary>
public sealed record PaymentPlanView(Guid ContractId, string ContractNumber, string ContractTitle, Guid AccountId, string AccountName,
    ContractStatus Status, decimal EffectiveAmount, decimal Planned, decimal Collected, decimal Unplanned, bool Editable, bool CanEdit,
    IReadOnlyList<InstalmentView> Instalments, Guid Version);

/// <summary>One instalment of a plan being saved: <see cref="Id"/> null for a new one.</summary>
public sealed record InstalmentInput
{
    public Guid? Id { get; init; }
    public DateOnly? DueOn { get; init; }
    public decimal? Amount { get; init; }
    public string? Note { get; init; }
}

/// <summary>The whole plan: instalments left out are removed (only while nothing was ever paid on them).</summary>
public sealed record PaymentPlanInput
{
    public IReadOnlyList<InstalmentInput>? Instalments { get; init; }
    public Guid? Version { get; init; }
}

public sealed class PaymentPlanInputValidator : AbstractValidator<PaymentPlanInput>
{
    public const int MaxInstalments = 120;

    public PaymentPlanInputValidator()
    {
        RuleFor(x => x.Instalments).NotNull().WithErrorCode("payment.plan_instalments_required")
            .Must(i => i!.Count <= MaxInstalments).WithErrorCode("payment.plan_too_many").When(x => x.Instalments is not null, ApplyConditionTo.CurrentValidator);
        RuleForEach(x => x.Instalments).ChildRules(i =>
        {
            i.RuleFor(x => x.DueOn).NotNull().WithErrorCode("payment.due_on_required")
                .Must(d => d!.Value.Year is > 2000 and < 2100).WithErrorCode("payment.date_range").When(x => x.DueOn is not null, ApplyConditionTo.CurrentValidator);
            i.RuleFor(x => x.Amount).NotNull().WithErrorCode("payment.amount_required")
                .GreaterThan(0).WithErrorCode("payment.amount_positive")
                .LessThan(10_000_000_000m).WithErrorCode("payment.amount_too_large");
            i.RuleFor(x => x.Note).MaximumLength(500).WithErrorCode("field.too_long");
        });
    }
}
