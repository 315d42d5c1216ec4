namespace Kam.Core.Orders;

/// <summary>The spreadsheet format of the product catalogue: one column list for the template, the import and the export.</summary>
public static class ProductSheet
{
    public const string Code = "产品编码";
    public const string Name = "产品名称";
    public const string Brand = "品牌";
    public const string Series = "系列";
    public const string Unit = "单位";
    public const string ListPrice = "目录价(元)";
    public const string Active = "状态";

    public const string ActiveText = "启用";
    public const string InactiveText = "停用";

    /// <summary>启用/停用 (or yes/no, 是/否, 1/0, true/false); empty is active.</summary>
    public static bool? ParseActive(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or ActiveText or "是" or "yes" or "y" or "1" or "true" or "active" => true,
        InactiveText or "否" or "no" or "n" or "0" or "false" or "inactive" => false,
        _ => null,
    };
}
