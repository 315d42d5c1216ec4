using FluentValidation;

namespace Kam.Core.Orders;

/// <summary>A product of the catalogue as the head or the assistant enters it; <see cref="Version"/> is required when editing.</summary>
public sealed record ProductInput
{
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string? Brand { get; init; }
    public string? Series { get; init; }
    public string Unit { get; init; } = "";
    public decimal? ListPrice { get; init; }
    public bool? IsActive { get; init; }
    public Guid? Version { get; init; }
}

public sealed class ProductInputValidator : AbstractValidator<ProductInput>
{
    public ProductInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().WithErrorCode("product.code_required").MaximumLength(40).WithErrorCode("field.too_long");
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("product.name_required").MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Brand).MaximumLength(100).WithErrorCode("field.too_long");
        RuleFor(x => x.Series).MaximumLength(100).WithErrorCode("field.too_long");
        RuleFor(x => x.Unit).NotEmpty().WithErrorCode("product.unit_required").MaximumLength(20).WithErrorCode("field.too_long");
        RuleFor(x => x.ListPrice).NotNull().WithErrorCode("product.price_required")
            .GreaterThanOrEqualTo(0).WithErrorCode("product.price_negative")
            .LessThan(1_000_000_000_000m).WithErrorCode("product.price_negative");
    }
}

/// <summary>A product in the list and on forms.</summary>
public sealed record ProductRow(Guid Id, string Code, string Name, string? Brand, string? Series, string Unit, decimal ListPrice, bool IsActive, Guid Version);

public sealed record ProductQuery
{
    public string? Search { get; init; }
    public string? Brand { get; init; }

    /// <summary>null or true: active ones; false: inactive; "all" is <see cref="All"/>.</summary>
    public bool? Active { get; init; }
    public bool? All { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
}
