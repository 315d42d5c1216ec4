using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Opportunities;

/// <summary>
/// Who does what with projects (商机), read by the rules and the pages' buttons: the head, the assistant and account
/// managers (within their accounts) open and move projects; only the head keeps the stages; the executive reads.
/// </summary>
public static class OpportunityAccess
{
    public static bool Writes(ICurrentUser me) => DataScope.EditsAccounts(me);

    /// <summary>Keeps the stages and their probabilities.</summary>
    public static bool Manages(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head);
}
