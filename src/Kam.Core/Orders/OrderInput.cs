using FluentValidation;

namespace Kam.Core.Orders;

/// <summary>One line as entered: the unit price defaults to the product's list price, the discount to none.</summary>
public sealed record OrderLineInput
{
    public Guid? ProductId { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? UnitPrice { get; init; }

    /// <summary>Percent, 0–100.</summary>
    public decimal? Discount { get; init; }
}

/// <summary>A new order, or the edit of one still Received (then <see cref="Version"/> is required and the account stays).</summary>
public sealed record OrderInput
{
    public Guid? AccountId { get; init; }
    public Guid? ContractId { get; init; }

    /// <summary>An account manager of the account; default: the author if they are one, else the account's owner.</summary>
    public Guid? OwnerId { get; init; }

    /// <summary>Default: today.</summary>
    public DateOnly? OrderedOn { get; init; }

    /// <summary>Default: the order date + 30 days.</summary>
    public DateOnly? PaymentDueOn { get; init; }
    public DateOnly? RequestedDeliveryOn { get; init; }
    public string? DeliveryAddress { get; init; }
    public string? Note { get; init; }
    public List<OrderLineInput> Lines { get; init; } = [];
    public Guid? Version { get; init; }
}

public sealed class OrderInputValidator : AbstractValidator<OrderInput>
{
    public const decimal MaxQuantity = 1_000_000_000m;
    public const decimal MaxPrice = 1_000_000_000m;

    public OrderInputValidator()
    {
        RuleFor(x => x.AccountId).NotNull().WithErrorCode("order.account_required");
        RuleFor(x => x.Lines).NotEmpty().WithErrorCode("order.lines_required");
        RuleFor(x => x.Lines.Count).LessThanOrEqualTo(200).WithErrorCode("order.too_many_lines").OverridePropertyName("lines");
        RuleForEach(x => x.Lines).ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotNull().WithErrorCode("order.product_required");
            line.RuleFor(l => l.Quantity).NotNull().WithErrorCode("order.quantity_positive")
                .GreaterThan(0).WithErrorCode("order.quantity_positive")
                .LessThan(MaxQuantity).WithErrorCode("order.quantity_too_large")
                .Must(q => q is null || decimal.Round(q.Value, 3) == q.Value).WithErrorCode("order.quantity_precision");
            line.RuleFor(l => l.UnitPrice).GreaterThanOrEqualTo(0).WithErrorCode("order.price_negative")
                .LessThan(MaxPrice).WithErrorCode("order.price_too_large");
            line.RuleFor(l => l.Discount).InclusiveBetween(0, 100).WithErrorCode("order.discount_range");
        });
        RuleFor(x => x.PaymentDueOn).GreaterThanOrEqualTo(x => x.OrderedOn).When(x => x.OrderedOn is not null && x.PaymentDueOn is not null)
            .WithErrorCode("order.due_before_order");
        RuleFor(x => x.RequestedDeliveryOn).GreaterThanOrEqualTo(x => x.OrderedOn).When(x => x.OrderedOn is not null && x.RequestedDeliveryOn is not null)
            .WithErrorCode("order.delivery_before_order");
        RuleFor(x => x.DeliveryAddress).MaximumLength(300).WithErrorCode("field.too_long");
        RuleFor(x => x.Note).MaximumLength(1000).WithErrorCode("field.too_long");
    }
}

/// <summary>A step in an order's life: its version, and a reason (cancel) or a date (deliver) where the step needs one.</summary>
public sealed record OrderAction
{
    public Guid? Version { get; init; }
    public string? Reason { get; init; }
    public DateOnly? On { get; init; }
}

public sealed class OrderActionValidator : AbstractValidator<OrderAction>
{
    public OrderActionValidator()
    {
        RuleFor(x => x.Version).NotNull().WithErrorCode("field.version_required");
        RuleFor(x => x.Reason).MaximumLength(500).WithErrorCode("field.too_long");
    }
}
