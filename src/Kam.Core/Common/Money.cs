using System.Globalization;

namespace Kam.Core.Common;

/// <summary>
/// The one way Kam writes and reads money (CNY): <c>¥1,234,567.89</c>, negative <c>-¥121,730.00</c>; in tiles and
/// charts the short form a person says aloud (<c>¥1,093.6万</c>, <c>¥3.2亿</c>) with the exact figure beside it on
/// hover; typed as people type it (<c>1,200,000.50</c>, <c>120万</c>, <c>1.2亿</c>, <c>¥8,000</c>).
/// </summary>
public static class Money
{
    private const decimal Wan = 10_000m;
    private const decimal Yi = 100_000_000m;

    /// <summary>The exact figure to the fen; empty for none.</summary>
    public static string Format(decimal? amount) => amount is { } a
        ? (a < 0 ? "-¥" : "¥") + Math.Abs(a).ToString("N2", CultureInfo.InvariantCulture)
        : "";

    /// <summary>
    /// The short form: in Chinese below 10,000 as is, then 万 with one decimal, from 100,000,000 亿 with two; in
    /// English K, M and B (the units each language counts in).
    /// </summary>
    public static string Short(decimal amount)
    {
        var sign = amount < 0 ? "-¥" : "¥";
        var a = Math.Abs(amount);
        if (!CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
        {
            return sign + (a >= 1_000_000_000m ? (a / 1_000_000_000m).ToString("#,##0.##", CultureInfo.InvariantCulture) + "B"
                : a >= 1_000_000m ? (a / 1_000_000m).ToString("#,##0.##", CultureInfo.InvariantCulture) + "M"
                : a >= 10_000m ? (a / 1_000m).ToString("#,##0.#", CultureInfo.InvariantCulture) + "K"
                : a.ToString("#,##0.##", CultureInfo.InvariantCulture));
        }
        if (a >= Yi)
            return sign + (a / Yi).ToString("#,##0.##", CultureInfo.InvariantCulture) + "亿";
        if (a >= Wan)
            return sign + (a / Wan).ToString("#,##0.#", CultureInfo.InvariantCulture) + "万";
        return sign + a.ToString("#,##0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>Reads an amount as typed: digits with or without thousands separators, a ¥/￥ sign, 万 or 亿 at the end.</summary>
    public static bool TryParse(string? text, out decimal amount)
    {
        amount = 0;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        var t = text.Trim().Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).TrimStart('¥', '￥').Replace("元", "", StringComparison.Ordinal);
        var unit = 1m;
        if (t.EndsWith('万'))
            (unit, t) = (Wan, t[..^1]);
        else if (t.EndsWith('亿'))
            (unit, t) = (Yi, t[..^1]);
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return false;
        try
        {
            amount = Math.Round(value * unit, 2, MidpointRounding.AwayFromZero);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }
}
