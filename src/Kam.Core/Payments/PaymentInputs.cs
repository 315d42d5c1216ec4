using FluentValidation;

namespace Kam.Core.Payments;

/// <summary>
/// Money received. Against an instalment; or an order (then its own receivable); or a contract (then
/// <see cref="InstalmentId"/>, one of its plan's instalments, is required).
/// </summary>
public sealed record PaymentInput
{
    public Guid? InstalmentId { get; init; }
    public Guid? OrderId { get; init; }
    public Guid? ContractId { get; init; }
    public DateOnly? ReceivedOn { get; init; }
    public decimal? Amount { get; init; }
    public PaymentMethod? Method { get; init; }
    public string? Reference { get; init; }
    public string? Note { get; init; }
}

public sealed record PaymentReversalInput(string? Reason, Guid? Version);

public sealed class PaymentInputValidator : AbstractValidator<PaymentInput>
{
    public PaymentInputValidator()
    {
        RuleFor(x => x.ReceivedOn).NotNull().WithErrorCode("payment.received_on_required")
            .Must(d => d!.Value.Year > 2000).WithErrorCode("payment.date_range").When(x => x.ReceivedOn is not null, ApplyConditionTo.CurrentValidator);
        RuleFor(x => x.Amount).NotNull().WithErrorCode("payment.amount_required")
            .GreaterThan(0).WithErrorCode("payment.amount_positive")
            .LessThan(10_000_000_000m).WithErrorCode("payment.amount_too_large");
        RuleFor(x => x.Method).NotNull().WithErrorCode("payment.method_required").IsInEnum().WithErrorCode("payment.method_required");
        RuleFor(x => x.Reference).MaximumLength(100).WithErrorCode("field.too_long");
        RuleFor(x => x.Note).MaximumLength(500).WithErrorCode("field.too_long");
    }
}

/// <summary>Filters of the payment list. <see cref="Reversed"/>: true only reversed, false only those that count.</summary>
public sealed record PaymentQuery(Guid? AccountId = null, Guid? OwnerId = null, Guid? ContractId = null, Guid? OrderId = null,
    DateOnly? From = null, DateOnly? To = null, PaymentMethod? Method = null, bool? Reversed = null, string? Search = null,
    string? Sort = null, int? Page = null, int? PageSize = null, Guid? Credited = null, string? CreditPeriod = null);

public sealed record PaymentRow(Guid Id, Guid AccountId, string AccountName, Guid InstalmentId, int InstalmentNo, Guid? ContractId,
    string? ContractNumber, Guid? OrderId, string? OrderNumber, DateOnly ReceivedOn, decimal Amount, PaymentMethod Method,
    string? Reference, string? Note, DateTimeOffset? ReversedAt, string? ReversalReason, string? RecordedBy, Guid Version);
