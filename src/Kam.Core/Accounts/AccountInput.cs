using FluentValidation;

namespace Kam.Core.Accounts;

/// <summary>The fields a person edits on an account; shared by create and update.</summary>
public sealed record AccountInput
{
    public string Name { get; init; } = "";
    public string? ShortName { get; init; }
    public string? CreditCode { get; init; }
    public string? CreditCodeNote { get; init; }
    public AccountCategory? Category { get; init; }
    public string? Industry { get; init; }
    public string? ProvinceCode { get; init; }
    public string? CityCode { get; init; }
    public string? DistrictCode { get; init; }
    public string? Address { get; init; }
    public string? Website { get; init; }
    public decimal? AnnualRevenue { get; init; }
    public decimal? AnnualPurchase { get; init; }
    public string? Brands { get; init; }
    public AccountStatus? Status { get; init; }

    /// <summary>Only the head and the assistant choose the owner; an account manager's new account is their own.</summary>
    public Guid? OwnerId { get; init; }
    public string? Source { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string? Notes { get; init; }
    public Guid? ParentId { get; init; }

    /// <summary>The version the editor loaded (update only); a stale one is refused with 409.</summary>
    public Guid? Version { get; init; }
}

public sealed class AccountInputValidator : AbstractValidator<AccountInput>
{
    public AccountInputValidator(Divisions divisions)
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("account.name_required").MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.ShortName).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.CreditCode!).Must(c => CreditCode.HasValidShape(CreditCode.Normalize(c))).WithErrorCode("account.credit_code_format")
            .When(x => !string.IsNullOrWhiteSpace(x.CreditCode));
        RuleFor(x => x.CreditCodeNote).MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Category).NotNull().WithErrorCode("account.category_required").IsInEnum().WithErrorCode("field.invalid");
        RuleFor(x => x.Status).IsInEnum().WithErrorCode("field.invalid");
        RuleFor(x => x.Industry).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.ProvinceCode).Must(c => divisions.Find(c) is { ParentCode: null }).WithErrorCode("account.province_unknown")
            .When(x => !string.IsNullOrEmpty(x.ProvinceCode));
        RuleFor(x => x.CityCode).Must((x, c) => divisions.Find(c)?.ParentCode == x.ProvinceCode).WithErrorCode("account.city_not_in_province")
            .When(x => !string.IsNullOrEmpty(x.CityCode));
        RuleFor(x => x.DistrictCode).Must((x, c) => divisions.Find(c)?.ParentCode == x.CityCode).WithErrorCode("account.district_not_in_city")
            .When(x => !string.IsNullOrEmpty(x.DistrictCode));
        RuleFor(x => x.Address).MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Website).MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.AnnualRevenue).InclusiveBetween(0, 1e13m).WithErrorCode("field.amount_range");
        RuleFor(x => x.AnnualPurchase).InclusiveBetween(0, 1e13m).WithErrorCode("field.amount_range");
        RuleFor(x => x.Brands).MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.Source).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.Notes).MaximumLength(2000).WithErrorCode("field.too_long");
        RuleFor(x => x.Tags).Must(t => t is null || (t.Count <= 10 && t.All(s => s.Trim().Length is > 0 and <= 20 && !s.Contains(','))))
            .WithErrorCode("account.tags_invalid");
    }
}
