using FluentValidation;
using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

public sealed record ResetPasswordRequest
{
    public string NewPassword { get; init; } = "";
}

public sealed class ResetPasswordValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordValidator() => RuleFor(x => x.NewPassword).ValidPassword().OverridePropertyName("password");
}

/// <summary>The admin sets a new password for someone who forgot theirs; it also lifts a lockout.</summary>
public sealed class ResetPassword(UserManager<User> users, IValidator<ResetPasswordRequest> validator)
{
    public async Task<Result> Handle(Guid id, ResetPasswordRequest request, CancellationToken ct = default)
    {
        if (await validator.CheckAsync(request, ct) is { } invalid)
            return invalid;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
            return Error.NotFound("user.not_found");
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, request.NewPassword);
        if (!result.Succeeded)
            return IdentityErrors.ToError(result);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return Result.Success;
    }
}
