using System.Globalization;
using System.Text;

namespace Kam.Core.Accounts;

/// <summary>Normalises company names so "广州华远家居有限公司" and "广州 华远家居（有限责任公司）" count as the same.</summary>
public static class AccountNames
{
    private static readonly string[] Suffixes = ["股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "公司"];

    public static string Normalize(string name)
    {
        var text = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || category is UnicodeCategory.MathSymbol or UnicodeCategory.OtherSymbol)
                continue;
            sb.Append(c);
        }
        var result = sb.ToString();
        foreach (var suffix in Suffixes)
        {
            if (result.EndsWith(suffix, StringComparison.Ordinal) && result.Length > suffix.Length)
            {
                result = result[..^suffix.Length];
                break;
            }
        }
        return result;
    }
}
