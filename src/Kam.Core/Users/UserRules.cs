using FluentValidation;
using Kam.Core.Identity;

namespace Kam.Core.Users;

/// <summary>Field rules shared by the user use cases, so the form and the API say the same thing.</summary>
internal static class UserRules
{
    public static IRuleBuilderOptions<T, string> ValidUserName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode("user.username_required")
            .Length(3, 32).WithErrorCode("user.username_length")
            .Matches("^[A-Za-z0-9._-]*$").WithErrorCode("user.username_chars");

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode("user.display_name_required")
            .MaximumLength(50).WithErrorCode("field.too_long");

    public static IRuleBuilderOptions<T, string?> Optional<T>(this IRuleBuilder<T, string?> rule, int max) =>
        rule.MaximumLength(max).WithErrorCode("field.too_long");

    public static IRuleBuilderOptions<T, IReadOnlyList<string>> ValidRoles<T>(this IRuleBuilder<T, IReadOnlyList<string>> rule) =>
        rule.NotEmpty().WithErrorCode("user.roles_required")
            .Must(r => r.All(Roles.All.Contains)).WithErrorCode("user.role_unknown");

    /// <summary>Identity checks length and digits; we add "at least one letter" (docs: min 8, letters and digits).</summary>
    public static IRuleBuilderOptions<T, string> ValidPassword<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithErrorCode("password.required")
            .MinimumLength(8).WithErrorCode("password.too_short")
            .Must(p => p.Any(char.IsAsciiLetter)).WithErrorCode("password.needs_letter")
            .Must(p => p.Any(char.IsAsciiDigit)).WithErrorCode("password.needs_digit");
}
