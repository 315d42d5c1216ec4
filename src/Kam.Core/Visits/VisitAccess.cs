using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Visits;

/// <summary>
/// Who does what with visits, in one place read by the rules, the API and the pages' buttons: account managers and
/// the head plan and log visits; only the head plans for someone else and sets the visit policy; the others read.
/// </summary>
public static class VisitAccess
{
    public static bool Writes(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.AccountManager);

    /// <summary>Plans visits for other people and keeps the visit-frequency policy.</summary>
    public static bool Manages(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head);
}
