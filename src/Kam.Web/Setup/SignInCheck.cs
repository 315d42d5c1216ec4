using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace Kam.Web.Setup;

/// <summary>
/// The password check of both sign-ins (the API's and the page's), which tells a stranger nothing: an unknown name, a
/// wrong password, a locked or a deactivated account all answer "invalid name or password" after the same work (a
/// password hash is verified in every case), and only someone who gave the right password learns that the account is
/// locked or deactivated.
/// </summary>
public static class SignInCheck
{
    // A hash of a password nobody has, verified when the name is unknown so that the answer takes as long as for a real one.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    /// <summary>The user when the password is right and they may sign in; otherwise the code of the failure to show.</summary>
    public static async Task<(User? User, string? Failure)> CheckAsync(SignInManager<User> signIn, string userName, string password)
    {
        var user = await signIn.UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(new User(), DecoyHash.Value, password);
            return (null, "auth.invalid_credentials");
        }
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.Succeeded)
            return (user, null);
        if (check.IsLockedOut || check.IsNotAllowed)
        {
            // Identity refuses these before it looks at the password: look at it now, without counting a failure.
            var right = await signIn.UserManager.CheckPasswordAsync(user, password);
            if (right)
                return (null, check.IsLockedOut ? "auth.locked_out" : "auth.deactivated");
        }
        return (null, "auth.invalid_credentials");
    }
}
