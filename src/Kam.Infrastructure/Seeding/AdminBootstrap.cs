using System.Security.Cryptography;
using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// Makes sure the roles exist and that somebody can administer Kam: without demo mode no well-known password
/// exists, so the first start creates <c>admin</c> with <c>Kam:AdminPassword</c> or a random password shown once.
/// </summary>
public sealed class AdminBootstrap(RoleManager<Role> roles, UserManager<User> users, IConfiguration config, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
                Check(await roles.CreateAsync(new Role(name)));
        }
    }

    /// <summary>Returns the password of a newly created admin, or null when an administrator already exists.</summary>
    public async Task<string?> EnsureAdminAsync(string userName = "admin", string? password = null)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Any(u => u.IsActive))
            return null;
        password ??= config["Kam:AdminPassword"] is { Length: > 0 } configured ? configured : NewPassword();
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new User { UserName = userName, DisplayName = "系统管理员", CreatedAt = clock.GetUtcNow(), LockoutEnabled = true };
            Check(await users.CreateAsync(user, password));
        }
        else
        {
            user.IsActive = true;
            Check(await users.UpdateAsync(user));
            Check(await users.RemovePasswordAsync(user));
            Check(await users.AddPasswordAsync(user, password));
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin))
            Check(await users.AddToRoleAsync(user, Roles.Admin));
        return password;
    }

    private static string NewPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = Enumerable.Range(0, 14).Select(_ => letters[RandomNumberGenerator.GetInt32(letters.Length)])
            .Concat(Enumerable.Range(0, 4).Select(_ => digits[RandomNumberGenerator.GetInt32(digits.Length)])).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
