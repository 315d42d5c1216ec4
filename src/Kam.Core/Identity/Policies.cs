using Microsoft.AspNetCore.Authorization;

namespace Kam.Core.Identity;

/// <summary>Authorization policies, defined once and used by the UI and the API alike.</summary>
public static class Policies
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ReadAudit = nameof(ReadAudit);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(ManageUsers, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(ReadAudit, p => p.RequireAuthenticatedUser().RequireRole(Roles.Head, Roles.Admin));
    }
}
