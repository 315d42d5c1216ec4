using Kam.Core.Common;

namespace Kam.Core.Orders;

/// <summary>
/// The spreadsheet format of the product catalogue: one column list for the template, the import and the export, each
/// column a text key (headers in the user's language, read in either).
/// </summary>
public static class ProductSheet
{
    public const string Code = "sheet.product.code";
    public const string Name = "sheet.product.name";
    public const string Brand = "sheet.product.brand";
    public const string Series = "sheet.product.series";
    public const string Unit = "sheet.product.unit";
    public const string ListPrice = "sheet.product.listPrice";
    public const string Active = "sheet.product.active";

    /// <summary>The columns, known by their headers in either language.</summary>
    public static readonly SheetColumns Columns = new(Code, Name, Brand, Series, Unit, ListPrice, Active);

    /// <summary>The status as written in the user's language.</summary>
    public static string StatusText(bool active) => Text.Get(active ? "sheet.product.active_yes" : "sheet.product.active_no");

    /// <summary>启用/停用 or Active/Inactive (or yes/no, 是/否, 1/0, true/false); empty is active.</summary>
    public static bool? ParseActive(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t))
            return true;
        foreach (var active in new[] { true, false })
        {
            var key = active ? "sheet.product.active_yes" : "sheet.product.active_no";
            if (Text.Means(key, t))
                return active;
        }
        return t switch
        {
            "是" or "yes" or "y" or "1" or "true" => true,
            "否" or "no" or "n" or "0" or "false" => false,
            _ => null,
        };
    }

    /// <summary>The example row of the import template.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> ExampleRow() => new Dictionary<string, object?>
    {
        [Code] = "SF-1001",
        [Name] = "三人位真皮沙发",
        [Brand] = "欧派",
        [Series] = "现代简约",
        [Unit] = "套",
        [ListPrice] = 12800,
        [Active] = StatusText(true),
    };
}
