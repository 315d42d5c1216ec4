using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Payments;

/// <summary>
/// Who does what with payments, read by the rules and the pages' buttons: the head, the assistant and account
/// managers (within their accounts) keep payment plans and record payments; the executive reads.
/// </summary>
public static class PaymentAccess
{
    public static bool Writes(ICurrentUser me) =>
        me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant) || me.IsInRole(Roles.AccountManager);
}
