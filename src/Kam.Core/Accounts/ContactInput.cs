using FluentValidation;

namespace Kam.Core.Accounts;

public sealed record ContactInput
{
    public string Name { get; init; } = "";
    public string? Title { get; init; }
    public string? Department { get; init; }
    public string? Mobile { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public DecisionRole? DecisionRole { get; init; }
    public Attitude? Attitude { get; init; }
    public int? Strength { get; init; }
    public Guid? ReportsToId { get; init; }
    public DateOnly? Birthday { get; init; }
    public string? Preferences { get; init; }
    public DateOnly? LastContactedOn { get; init; }

    /// <summary>Update only: the version the editor loaded.</summary>
    public Guid? Version { get; init; }
}

public sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithErrorCode("contact.name_required").MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.Title).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.Department).MaximumLength(50).WithErrorCode("field.too_long");
        RuleFor(x => x.Mobile!).Must(m => ChineseMobile.IsValid(m)).WithErrorCode("contact.mobile_invalid")
            .When(x => !string.IsNullOrWhiteSpace(x.Mobile));
        RuleFor(x => x.Phone).MaximumLength(30).WithErrorCode("field.too_long");
        RuleFor(x => x.Email).MaximumLength(100).WithErrorCode("field.too_long")
            .EmailAddress().WithErrorCode("user.email_invalid");
        RuleFor(x => x.DecisionRole).IsInEnum().WithErrorCode("field.invalid");
        RuleFor(x => x.Attitude).IsInEnum().WithErrorCode("field.invalid");
        RuleFor(x => x.Strength).InclusiveBetween(1, 5).WithErrorCode("contact.strength_range");
        RuleFor(x => x.Preferences).MaximumLength(500).WithErrorCode("field.too_long");
    }
}

/// <summary>Mainland mobile numbers: 11 digits starting 13–19, optionally written with +86 and spaces or dashes.</summary>
public static class ChineseMobile
{
    public static string? Normalize(string? mobile)
    {
        if (string.IsNullOrWhiteSpace(mobile))
            return null;
        var digits = new string(mobile.Where(char.IsAsciiDigit).ToArray());
        if (digits.StartsWith("86", StringComparison.Ordinal) && digits.Length == 13)
            digits = digits[2..];
        return digits;
    }

    public static bool IsValid(string mobile) =>
        Normalize(mobile) is { Length: 11 } d && d[0] == '1' && d[1] is >= '3' and <= '9'
        && mobile.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+');

    /// <summary>138****8000.</summary>
    public static string? Mask(string? mobile) => mobile is { Length: 11 } ? mobile[..3] + "****" + mobile[7..] : mobile is null ? null : "****";
}
