using System.Globalization;

namespace Kam.Core.Accounts;

/// <summary>
/// The spreadsheet format of the archive: one column list for the import template, the import and the export,
/// with the Chinese headers and values the department's old spreadsheets use (English names are accepted too).
/// </summary>
public static class AccountSheet
{
    public const string Name = "客户名称";
    public const string ShortName = "简称";
    public const string CreditCode = "统一社会信用代码";
    public const string Category = "客户类别";
    public const string Industry = "行业";
    public const string Province = "省份";
    public const string City = "城市";
    public const string District = "区县";
    public const string Address = "详细地址";
    public const string Website = "网站";
    public const string AnnualRevenue = "年营业额(元)";
    public const string AnnualPurchase = "年采购额(元)";
    public const string Brands = "采购品牌";
    public const string Status = "客户状态";
    public const string Owner = "负责人";
    public const string Source = "来源";
    public const string Tags = "标签";
    public const string Notes = "备注";
    public const string Tier = "客户等级";
    public const string UpdatedAt = "最近更新";

    public static readonly string[] ImportColumns =
        [Name, ShortName, CreditCode, Category, Industry, Province, City, District, Address, Website, AnnualRevenue, AnnualPurchase, Brands, Status, Owner, Source, Tags, Notes];

    public static readonly IReadOnlyDictionary<AccountCategory, string> CategoryNames = new Dictionary<AccountCategory, string>
    {
        [AccountCategory.Dealer] = "经销商",
        [AccountCategory.RealEstate] = "房地产",
        [AccountCategory.DesignFirm] = "设计院",
        [AccountCategory.Government] = "政府机构",
        [AccountCategory.Enterprise] = "企业",
        [AccountCategory.Other] = "其他",
    };

    public static readonly IReadOnlyDictionary<AccountStatus, string> StatusNames = new Dictionary<AccountStatus, string>
    {
        [AccountStatus.Prospect] = "潜在",
        [AccountStatus.Active] = "合作中",
        [AccountStatus.Dormant] = "休眠",
        [AccountStatus.Lost] = "流失",
    };

    private static readonly Dictionary<string, AccountCategory> CategoryAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["体系内"] = AccountCategory.Dealer,
        ["体系内经销商"] = AccountCategory.Dealer,
        ["经销商"] = AccountCategory.Dealer,
        ["房地产公司"] = AccountCategory.RealEstate,
        ["地产"] = AccountCategory.RealEstate,
        ["设计公司"] = AccountCategory.DesignFirm,
        ["装饰设计"] = AccountCategory.DesignFirm,
        ["政府"] = AccountCategory.Government,
        ["行业主管部门"] = AccountCategory.Government,
        ["大型企业"] = AccountCategory.Enterprise,
    };

    public static AccountCategory? ParseCategory(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (CategoryNames.FirstOrDefault(p => p.Value == text) is { Value: not null } hit)
            return hit.Key;
        if (CategoryAliases.TryGetValue(text, out var alias))
            return alias;
        return Enum.TryParse<AccountCategory>(text, true, out var e) && Enum.IsDefined(e) ? e : null;
    }

    public static AccountStatus? ParseStatus(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        text = text.Trim();
        if (StatusNames.FirstOrDefault(p => p.Value == text) is { Value: not null } hit)
            return hit.Key;
        return Enum.TryParse<AccountStatus>(text, true, out var e) && Enum.IsDefined(e) ? e : null;
    }

    /// <summary>Amounts as people type them: "1,200,000.50", "120万" is not accepted (ambiguous), numbers from Excel are.</summary>
    public static bool TryParseAmount(object? value, out decimal? amount)
    {
        amount = null;
        switch (value)
        {
            case null:
                return true;
            case double d:
                amount = Math.Round((decimal)d, 2);
                return d >= 0;
            case decimal m:
                amount = Math.Round(m, 2);
                return m >= 0;
            case int or long:
                amount = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return amount >= 0;
        }
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim().Replace(",", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(text))
            return true;
        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0 && parsed <= 1e13m)
        {
            amount = Math.Round(parsed, 2);
            return true;
        }
        return false;
    }
}
