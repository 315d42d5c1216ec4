using Microsoft.AspNetCore.Authorization;

namespace Kam.Core.Identity;

/// <summary>Authorization policies, defined once and used by the UI and the API alike.</summary>
public static class Policies
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ReadAudit = nameof(ReadAudit);

    /// <summary>The business roles that work with the archive (each within its data scope).</summary>
    public const string ReadAccounts = nameof(ReadAccounts);

    /// <summary>The head's archive decisions: handover, tier rules.</summary>
    public const string ManageAccounts = nameof(ManageAccounts);

    /// <summary>Who configures the approval rules per document type: the head and the admin.</summary>
    public const string ManageApprovalRules = nameof(ManageApprovalRules);

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(ManageUsers, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        options.AddPolicy(ReadAudit, p => p.RequireAuthenticatedUser().RequireRole(Roles.Head, Roles.Admin));
        options.AddPolicy(ReadAccounts, p => p.RequireAuthenticatedUser().RequireRole(Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager));
        options.AddPolicy(ManageAccounts, p => p.RequireAuthenticatedUser().RequireRole(Roles.Head));
        options.AddPolicy(ManageApprovalRules, p => p.RequireAuthenticatedUser().RequireRole(Roles.Head, Roles.Admin));
    }
}
