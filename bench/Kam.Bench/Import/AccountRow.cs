using MiniExcelLibs.Attributes;

namespace Kam.Bench.Import;

/// <summary>
/// One row of the account import sheet. The column names and their order are the import format that users fill
/// in Excel, so they are Chinese and fixed; <see cref="Headers"/> is the order the check expects.
/// </summary>
public sealed class AccountRow
{
    public static readonly string[] Headers =
    [
        "客户名称", "简称", "统一社会信用代码", "客户类别", "行业", "省份", "城市", "区县", "详细地址", "网站",
        "年营业额(元)", "年采购额(元)", "采购品牌", "客户状态", "负责人", "来源", "标签", "备注",
    ];

    [ExcelColumn(Name = "客户名称", Index = 0, Width = 36)]
    public string Name { get; set; } = "";

    [ExcelColumn(Name = "简称", Index = 1)]
    public string? ShortName { get; set; }

    [ExcelColumn(Name = "统一社会信用代码", Index = 2, Width = 22)]
    public string CreditCode { get; set; } = "";

    [ExcelColumn(Name = "客户类别", Index = 3)]
    public string Category { get; set; } = "";

    [ExcelColumn(Name = "行业", Index = 4)]
    public string? Industry { get; set; }

    [ExcelColumn(Name = "省份", Index = 5)]
    public string Province { get; set; } = "";

    [ExcelColumn(Name = "城市", Index = 6)]
    public string City { get; set; } = "";

    [ExcelColumn(Name = "区县", Index = 7)]
    public string? District { get; set; }

    [ExcelColumn(Name = "详细地址", Index = 8, Width = 28)]
    public string? Address { get; set; }

    [ExcelColumn(Name = "网站", Index = 9, Width = 28)]
    public string? Website { get; set; }

    [ExcelColumn(Name = "年营业额(元)", Index = 10, Width = 16, Format = "0.00")]
    public decimal? AnnualRevenue { get; set; }

    [ExcelColumn(Name = "年采购额(元)", Index = 11, Width = 16, Format = "0.00")]
    public decimal? AnnualPurchase { get; set; }

    [ExcelColumn(Name = "采购品牌", Index = 12)]
    public string? Brands { get; set; }

    [ExcelColumn(Name = "客户状态", Index = 13)]
    public string Status { get; set; } = "";

    [ExcelColumn(Name = "负责人", Index = 14)]
    public string Owner { get; set; } = "";

    [ExcelColumn(Name = "来源", Index = 15)]
    public string? Source { get; set; }

    [ExcelColumn(Name = "标签", Index = 16)]
    public string? Tags { get; set; }

    [ExcelColumn(Name = "备注", Index = 17, Width = 24)]
    public string? Remarks { get; set; }
}
