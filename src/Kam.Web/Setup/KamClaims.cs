using System.Security.Claims;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kam.Web.Setup;

public static class KamClaims
{
    public const string DisplayName = "kam:display_name";
}

/// <summary>Adds the display name to the sign-in, so the header needs no database call.</summary>
public sealed class KamClaimsFactory(UserManager<User> users, RoleManager<Role> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User, Role>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(KamClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
