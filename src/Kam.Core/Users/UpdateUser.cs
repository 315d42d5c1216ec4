using FluentValidation;
using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

public sealed record UpdateUserRequest
{
    public string DisplayName { get; init; } = "";
    public string? Email { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Department { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The version the editor loaded; a stale one is refused with 409.</summary>
    public string Version { get; init; } = "";
}

public sealed class UpdateUserValidator : AbstractValidator<UpdateUserRequest>
{
    public UpdateUserValidator()
    {
        RuleFor(x => x.DisplayName).ValidDisplayName();
        RuleFor(x => x.Email).Optional(256).EmailAddress().WithErrorCode("user.email_invalid");
        RuleFor(x => x.PhoneNumber).Optional(32);
        RuleFor(x => x.Department).Optional(64);
        RuleFor(x => x.Region).Optional(64);
        RuleFor(x => x.Roles).ValidRoles();
        RuleFor(x => x.Version).NotEmpty().WithErrorCode("field.version_required");
    }
}

public sealed class UpdateUser(IKamDb db, UserManager<User> users, IValidator<UpdateUserRequest> validator, ICurrentUser me)
{
    public async Task<Result<string>> Handle(Guid id, UpdateUserRequest request, CancellationToken ct = default)
    {
        if (await validator.CheckAsync(request, ct) is { } invalid)
            return invalid;
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
            return Error.NotFound("user.not_found");
        if (user.ConcurrencyStamp != request.Version)
            return Error.Conflict();
        // An admin taking their own Admin role away would lock everybody out of user management.
        if (user.Id == me.Id && !request.Roles.Contains(Identity.Roles.Admin) && await users.IsInRoleAsync(user, Identity.Roles.Admin))
            return Error.Validation("roles", "user.cannot_remove_own_admin");

        user.DisplayName = request.DisplayName.Trim();
        user.Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber.Trim();
        user.Department = request.Department?.Trim();
        user.Region = request.Region?.Trim();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
            return IdentityErrors.ToError(updated);
        var current = await users.GetRolesAsync(user);
        var remove = current.Except(request.Roles).ToList();
        var add = request.Roles.Distinct().Except(current).ToList();
        if (remove.Count > 0 && await users.RemoveFromRolesAsync(user, remove) is { Succeeded: false } r1)
            return IdentityErrors.ToError(r1);
        if (add.Count > 0 && await users.AddToRolesAsync(user, add) is { Succeeded: false } r2)
            return IdentityErrors.ToError(r2);
        if (remove.Count > 0)
            await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        return user.ConcurrencyStamp!;
    }
}
