namespace Kam.Web.Components.Pages.Payments;

/// <summary>What the payment pages show to whom, and small formatting helpers.</summary>
public static class PaymentUi
{
    /// <summary>Amounts on a bar chart: whole yuan.</summary>
    public static int Yuan(decimal amount) => (int)Math.Min(int.MaxValue, Math.Round(amount, MidpointRounding.AwayFromZero));

    public static string Query(IEnumerable<KeyValuePair<string, string?>> args) =>
        string.Join("&", args.Where(a => !string.IsNullOrEmpty(a.Value)).Select(a => $"{a.Key}={Uri.EscapeDataString(a.Value!)}"));
}
