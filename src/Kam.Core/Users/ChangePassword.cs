using FluentValidation;
using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

public sealed record ChangePasswordRequest
{
    public string CurrentPassword { get; init; } = "";
    public string NewPassword { get; init; } = "";
    public string ConfirmPassword { get; init; } = "";
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordValidator()
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithErrorCode("password.required");
        RuleFor(x => x.NewPassword).ValidPassword();
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithErrorCode("password.confirm_mismatch");
    }
}

/// <summary>Anyone changes their own password, proving the current one.</summary>
public sealed class ChangePassword(UserManager<User> users, IValidator<ChangePasswordRequest> validator, ICurrentUser me)
{
    public async Task<Result> Handle(ChangePasswordRequest request, CancellationToken ct = default)
    {
        if (await validator.CheckAsync(request, ct) is { } invalid)
            return invalid;
        var user = me.Id is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null)
            return Error.NotFound("user.not_found");
        var result = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        return result.Succeeded ? Result.Success : IdentityErrors.ToError(result);
    }
}
