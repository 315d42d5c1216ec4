using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Accounts;

/// <summary>
/// Who sees which accounts and who does what with them (domain.md), in one place read by the rules, the API and the
/// pages' buttons: the head, the assistant and the executive see all; an account manager sees the accounts they own or
/// are on the team of; anyone else (an administrator without a business role) sees none. Only the head archives, sets
/// teams, overrides tiers, accepts an unchecked credit code and hands accounts over.
/// </summary>
public static class DataScope
{
    public static bool SeesAllAccounts(ICurrentUser user) =>
        user.IsSystem || user.IsInRole(Roles.Head) || user.IsInRole(Roles.Assistant) || user.IsInRole(Roles.Executive);

    public static bool SeesOwnAccounts(ICurrentUser user) => user.IsInRole(Roles.AccountManager) && user.Id is not null;

    /// <summary>May create and edit accounts at all (the executive reads, the admin has no business data).</summary>
    public static bool EditsAccounts(ICurrentUser user) =>
        user.IsSystem || user.IsInRole(Roles.Head) || user.IsInRole(Roles.Assistant) || user.IsInRole(Roles.AccountManager);

    /// <summary>The head's archive decisions: archive and restore, team, tier override, an unchecked credit code, handover.</summary>
    public static bool ManagesAccounts(ICurrentUser user) => user.IsSystem || user.IsInRole(Roles.Head);

    /// <summary>Sees everything about every account, mobile numbers included.</summary>
    public static bool IsBackOffice(ICurrentUser user) => user.IsSystem || user.IsInRole(Roles.Head) || user.IsInRole(Roles.Assistant);
}
