using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

internal static class IdentityErrors
{
    /// <summary>Maps Identity's failures to our stable codes and the form field they belong to.</summary>
    public static Error ToError(IdentityResult result) =>
        result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
            ? Error.Conflict()
            : Error.Validation(result.Errors.Select(e => e.Code switch
            {
                nameof(IdentityErrorDescriber.DuplicateUserName) => new FieldError("userName", "user.username_taken"),
                nameof(IdentityErrorDescriber.InvalidUserName) => new FieldError("userName", "user.username_chars"),
                nameof(IdentityErrorDescriber.DuplicateEmail) => new FieldError("email", "user.email_taken"),
                nameof(IdentityErrorDescriber.InvalidEmail) => new FieldError("email", "user.email_invalid"),
                nameof(IdentityErrorDescriber.PasswordMismatch) => new FieldError("currentPassword", "password.mismatch"),
                CommonPasswords.TooCommon => new FieldError("password", "password.too_common"),
                CommonPasswords.Padded => new FieldError("password", "password.padded"),
                _ when e.Code.StartsWith("Password", StringComparison.Ordinal) => new FieldError("password", "password.too_weak"),
                _ => new FieldError("", "identity.failed", e.Code),
            }));
}
