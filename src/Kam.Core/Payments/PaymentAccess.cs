using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Payments;

/// <summary>
/// Who does what with payments, read by the rules and the pages' buttons: the head, the assistant and account
/// managers (within their accounts) keep payment plans and record payments; the executive reads.
/// </summary>
public static class PaymentAccess
{
    public static bool Writes(ICurrentUser me) => DataScope.EditsAccounts(me);
}
