using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

/// <summary>
/// A leaver loses their login but keeps their history. Refused while they still own anything, so nothing is
/// orphaned (domain.md: hand over first).
/// </summary>
public sealed class DeactivateUser(UserManager<User> users, IEnumerable<IOwnedRecords> owned, ICurrentUser me, TimeProvider clock)
{
    public async Task<Result> Handle(Guid id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
            return Error.NotFound("user.not_found");
        if (user.Id == me.Id)
            return Error.Validation("id", "user.cannot_deactivate_self");
        if (!user.IsActive)
            return Result.Success;
        foreach (var source in owned)
        {
            if (await source.CountAsync(id, ct) > 0)
                return new Error(ErrorKind.Conflict, "user.owns_records", [new FieldError("id", source.Kind)]);
        }

        user.IsActive = false;
        user.DeactivatedAt = clock.GetUtcNow();
        // A new security stamp invalidates the person's open sessions and bearer tokens.
        user.SecurityStamp = Guid.NewGuid().ToString();
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? Result.Success : IdentityErrors.ToError(result);
    }
}

public sealed class ReactivateUser(UserManager<User> users)
{
    public async Task<Result> Handle(Guid id, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
            return Error.NotFound("user.not_found");
        if (user.IsActive)
            return Result.Success;
        user.IsActive = true;
        user.DeactivatedAt = null;
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? Result.Success : IdentityErrors.ToError(result);
    }
}
