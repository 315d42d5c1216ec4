namespace Kam.Web.Components.Pages.Expenses;

/// <summary>Small helpers of the expense pages.</summary>
public static class ExpenseUi
{
    /// <summary>A total of what was typed, or null when the amounts are too large to add up (the server refuses them
    /// anyway, beside their fields); a page never ends over an overflow.</summary>
    public static decimal? Sum(IEnumerable<decimal> amounts)
    {
        try
        {
            return amounts.Sum();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Every message of the fields under a prefix (a row and its cells), in one line.</summary>
    public static string? Under(IReadOnlyDictionary<string, string> errors, string prefix) =>
        errors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(e => e.Value).Distinct().ToList() is { Count: > 0 } found
            ? string.Join(" ", found)
            : null;
}
