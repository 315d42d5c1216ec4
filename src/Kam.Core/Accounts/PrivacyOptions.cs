using Kam.Core.Identity;

namespace Kam.Core.Accounts;

/// <summary>
/// Who sees contacts' full mobile numbers (<c>Kam:Privacy</c>): the account's owner and team always do; beyond
/// them, the roles listed here (default: the head and the assistant). Everyone else sees 138****8000.
/// </summary>
public sealed class PrivacyOptions
{
    public string[] FullMobileRoles { get; set; } = [Roles.Head, Roles.Assistant];
}
