using FluentValidation;
using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

public sealed record CreateUserRequest
{
    public string UserName { get; init; } = "";
    public string DisplayName { get; init; } = "";
    public string Password { get; init; } = "";
    public string? Email { get; init; }
    public string? PhoneNumber { get; init; }
    public string? Department { get; init; }
    public string? Region { get; init; }
    public IReadOnlyList<string> Roles { get; init; } = [];
}

public sealed class CreateUserValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.UserName).ValidUserName();
        RuleFor(x => x.DisplayName).ValidDisplayName();
        RuleFor(x => x.Password).ValidPassword();
        RuleFor(x => x.Email).Optional(256).EmailAddress().WithErrorCode("user.email_invalid");
        RuleFor(x => x.PhoneNumber).Optional(32);
        RuleFor(x => x.Department).Optional(64);
        RuleFor(x => x.Region).Optional(64);
        RuleFor(x => x.Roles).ValidRoles();
    }
}

/// <summary>The admin creates a login for a person, with their roles, in one transaction.</summary>
public sealed class CreateUser(IKamDb db, UserManager<User> users, IValidator<CreateUserRequest> validator, TimeProvider clock)
{
    public async Task<Result<Guid>> Handle(CreateUserRequest request, CancellationToken ct = default)
    {
        if (await validator.CheckAsync(request, ct) is { } invalid)
            return invalid;
        if (await users.FindByNameAsync(request.UserName) is not null)
            return Error.Validation("userName", "user.username_taken");

        var user = new User
        {
            UserName = request.UserName.Trim(),
            DisplayName = request.DisplayName.Trim(),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber.Trim(),
            Department = request.Department?.Trim(),
            Region = request.Region?.Trim(),
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
            return IdentityErrors.ToError(created);
        var roles = await users.AddToRolesAsync(user, request.Roles.Distinct());
        if (!roles.Succeeded)
            return IdentityErrors.ToError(roles);
        await tx.CommitAsync(ct);
        return user.Id;
    }
}
