using System.Globalization;
using Kam.Core.Common;

namespace Kam.Core.Accounts;

/// <summary>
/// The spreadsheet format of the archive: one column list for the import template, the import and the export. Each
/// column is a text key: headers and values are written in the user's language and read in either language, as well
/// as with the words the department's old spreadsheets use.
/// </summary>
public static class AccountSheet
{
    public const string Name = "sheet.account.name";
    public const string ShortName = "sheet.account.shortName";
    public const string CreditCode = "sheet.account.creditCode";
    public const string Category = "sheet.account.category";
    public const string Industry = "sheet.account.industry";
    public const string Province = "sheet.account.province";
    public const string City = "sheet.account.city";
    public const string District = "sheet.account.district";
    public const string Address = "sheet.account.address";
    public const string Website = "sheet.account.website";
    public const string AnnualRevenue = "sheet.account.annualRevenue";
    public const string AnnualPurchase = "sheet.account.annualPurchase";
    public const string Brands = "sheet.account.brands";
    public const string Status = "sheet.account.status";
    public const string Owner = "sheet.account.owner";
    public const string Source = "sheet.account.source";
    public const string Tags = "sheet.account.tags";
    public const string Notes = "sheet.account.notes";
    public const string Tier = "sheet.account.tier";
    public const string UpdatedAt = "sheet.account.updatedAt";

    public static readonly string[] ImportColumns =
        [Name, ShortName, CreditCode, Category, Industry, Province, City, District, Address, Website, AnnualRevenue, AnnualPurchase, Brands, Status, Owner, Source, Tags, Notes];

    /// <summary>The columns the import reads and the template has, known by their headers in either language.</summary>
    public static readonly SheetColumns Columns = new([.. ImportColumns, Tier, UpdatedAt]);

    // What old sheets call the categories besides the names Kam shows (data: the department's own words).
    private static readonly Dictionary<string, AccountCategory> CategoryAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["体系内"] = AccountCategory.Dealer,
        ["经销商"] = AccountCategory.Dealer,
        ["房地产公司"] = AccountCategory.RealEstate,
        ["地产"] = AccountCategory.RealEstate,
        ["设计院"] = AccountCategory.DesignFirm,
        ["设计公司"] = AccountCategory.DesignFirm,
        ["装饰设计"] = AccountCategory.DesignFirm,
        ["政府"] = AccountCategory.Government,
        ["政府机构"] = AccountCategory.Government,
        ["行业主管部门"] = AccountCategory.Government,
        ["企业"] = AccountCategory.Enterprise,
    };

    /// <summary>The example row of the import template (a made-up customer, as the department would write it).</summary>
    public static IEnumerable<KeyValuePair<string, object?>> ExampleRow() => new Dictionary<string, object?>
    {
        [Name] = "广州华远家居有限公司",
        [ShortName] = "华远家居",
        [CreditCode] = "91350100M000100Y43",
        [Category] = "经销商",
        [Industry] = "家具零售",
        [Province] = "广东省",
        [City] = "广州市",
        [District] = "天河区",
        [Address] = "天河路 100 号",
        [Website] = "",
        [AnnualRevenue] = 50000000,
        [AnnualPurchase] = 6000000,
        [Brands] = "欧派、奥维",
        [Status] = "合作中",
        [Owner] = "am1",
        [Source] = "展会",
        [Tags] = "重点",
        [Notes] = "",
    };

    public static AccountCategory? ParseCategory(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : CategoryAliases.TryGetValue(text.Trim(), out var alias) ? alias
        : ParseNamed<AccountCategory>(text.Trim());

    public static AccountStatus? ParseStatus(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : ParseNamed<AccountStatus>(text.Trim());

    /// <summary>An enum value by the name Kam shows in either language, or by its code.</summary>
    private static T? ParseNamed<T>(string text)
        where T : struct, Enum
    {
        foreach (var value in Enum.GetValues<T>())
        {
            var key = $"{typeof(T).Name.ToLowerInvariant()}.{value}";
            if (Text.Means(key, text))
                return value;
        }
        return Enum.TryParse<T>(text, true, out var e) && Enum.IsDefined(e) ? e : null;
    }

    /// <summary>Amounts as people type them ("1,200,000.50", "120万", "1.2亿", "¥8,000"; <see cref="Money.TryParse"/>) and numbers from Excel.</summary>
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
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
        if (string.IsNullOrEmpty(text))
            return true;
        if (Money.TryParse(text, out var parsed) && parsed >= 0 && parsed <= 1e13m)
        {
            amount = parsed;
            return true;
        }
        return false;
    }
}
