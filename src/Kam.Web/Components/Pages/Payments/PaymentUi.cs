using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Web.Components.Pages.Payments;

/// <summary>What the payment pages show to whom, and small formatting helpers.</summary>
public static class PaymentUi
{
    /// <summary>The head, the assistant and account managers record payments and keep plans; the executive reads.</summary>
    public static bool Writes(ICurrentUser me) =>
        me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant) || me.IsInRole(Roles.AccountManager);

    /// <summary>Amounts on a bar chart: whole yuan.</summary>
    public static int Yuan(decimal amount) => (int)Math.Min(int.MaxValue, Math.Round(amount, MidpointRounding.AwayFromZero));

    public static string Query(IEnumerable<KeyValuePair<string, string?>> args) =>
        string.Join("&", args.Where(a => !string.IsNullOrEmpty(a.Value)).Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value!)}"));
}
