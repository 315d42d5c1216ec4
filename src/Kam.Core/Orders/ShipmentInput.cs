using FluentValidation;

namespace Kam.Core.Orders;

public sealed record ShipmentLineInput
{
    public Guid? OrderLineId { get; init; }
    public decimal? Quantity { get; init; }
}

/// <summary>A regular shipment (发货) of some lines of an order.</summary>
public sealed record ShipmentInput
{
    /// <summary>Default: today; never in the future.</summary>
    public DateOnly? ShippedOn { get; init; }
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }
    public List<ShipmentLineInput> Lines { get; init; } = [];
}

/// <summary>A make-up shipment (补发货) request: the original shipment, why, and what to send again.</summary>
public sealed record MakeUpInput
{
    public Guid? OriginalShipmentId { get; init; }
    public MakeUpReason? Reason { get; init; }
    public string? ReasonText { get; init; }
    public List<ShipmentLineInput> Lines { get; init; } = [];
}

/// <summary>Shipping an approved make-up, or marking a shipment delivered (<see cref="On"/> is the date of either).</summary>
public sealed record ShipmentStep
{
    public Guid? Version { get; init; }
    public DateOnly? On { get; init; }
    public string? Carrier { get; init; }
    public string? TrackingNumber { get; init; }
}

public sealed class ShipmentLineInputValidator : AbstractValidator<ShipmentLineInput>
{
    public ShipmentLineInputValidator()
    {
        RuleFor(l => l.OrderLineId).NotNull().WithErrorCode("shipment.line_required");
        RuleFor(l => l.Quantity).NotNull().WithErrorCode("shipment.quantity_positive")
            .GreaterThan(0).WithErrorCode("shipment.quantity_positive")
            .Must(q => q is null || decimal.Round(q.Value, 3) == q.Value).WithErrorCode("order.quantity_precision");
    }
}

public sealed class ShipmentInputValidator : AbstractValidator<ShipmentInput>
{
    public ShipmentInputValidator()
    {
        RuleFor(x => x.Carrier).MaximumLength(100).WithErrorCode("field.too_long");
        RuleFor(x => x.TrackingNumber).MaximumLength(100).WithErrorCode("field.too_long");
        RuleFor(x => x.Lines).NotEmpty().WithErrorCode("shipment.lines_required");
        RuleForEach(x => x.Lines).SetValidator(new ShipmentLineInputValidator());
    }
}

public sealed class MakeUpInputValidator : AbstractValidator<MakeUpInput>
{
    public MakeUpInputValidator()
    {
        RuleFor(x => x.OriginalShipmentId).NotNull().WithErrorCode("shipment.original_required");
        RuleFor(x => x.Reason).NotNull().WithErrorCode("shipment.reason_required").IsInEnum().WithErrorCode("field.invalid");
        RuleFor(x => x.ReasonText).NotEmpty().When(x => x.Reason == MakeUpReason.Other).WithErrorCode("shipment.reason_text_required");
        RuleFor(x => x.ReasonText).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.Lines).NotEmpty().WithErrorCode("shipment.lines_required");
        RuleForEach(x => x.Lines).SetValidator(new ShipmentLineInputValidator());
    }
}

public sealed class ShipmentStepValidator : AbstractValidator<ShipmentStep>
{
    public ShipmentStepValidator()
    {
        RuleFor(x => x.Version).NotNull().WithErrorCode("field.version_required");
        RuleFor(x => x.Carrier).MaximumLength(100).WithErrorCode("field.too_long");
        RuleFor(x => x.TrackingNumber).MaximumLength(100).WithErrorCode("field.too_long");
    }
}
