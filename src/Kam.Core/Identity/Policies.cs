using Microsoft.AspNetCore.Authorization;

namespace Kam.Core.Identity;

/// <summary>
/// Authorization policies, defined once and used by the API's endpoints, the pages' <c>[Authorize]</c> and, through
/// the pages, the left navigation (an entry is shown to the roles its page's policy admits). What a role may do
/// inside a page is each capability's <c>*Access</c> class.
/// </summary>
public static class Policies
{
    public const string ManageUsers = nameof(ManageUsers);
    /// <summary>The audit trail: the head and the executive all of it, the admin the system's records only.</summary>
    public const string ReadAudit = nameof(ReadAudit);

    /// <summary>The business roles that work with the archive (each within its data scope).</summary>
    public const string ReadAccounts = nameof(ReadAccounts);

    /// <summary>The head's archive decisions: handover, tier rules.</summary>
    public const string ManageAccounts = nameof(ManageAccounts);

    /// <summary>Who configures the approval rules per document type: the head and the admin.</summary>
    public const string ManageApprovalRules = nameof(ManageApprovalRules);

    /// <summary>The roles each policy admits.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> RolesOf { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [ManageUsers] = [Roles.Admin],
        [ReadAudit] = [Roles.Head, Roles.Executive, Roles.Admin],
        [ReadAccounts] = Roles.Business,
        [ManageAccounts] = [Roles.Head],
        [ManageApprovalRules] = [Roles.Head, Roles.Admin],
    };

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var (policy, roles) in RolesOf)
            options.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireRole(roles));
    }
}
