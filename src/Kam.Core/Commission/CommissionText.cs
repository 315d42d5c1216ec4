using System.Globalization;
using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Commission;

/// <summary>Writes a line's explanation ("code|arg|…") in the reader's language: money as ¥1,234.56, bracket slices and
/// special rates in words.</summary>
public static class CommissionText
{
    public static string Render(string explain)
    {
        var parts = explain.Split('|');
        var args = parts.Skip(1).Select(Arg).ToArray<object?>();
        return Text.Get(parts[0], args);
    }

    private static string Arg(string arg)
    {
        if (arg.StartsWith('¥') && decimal.TryParse(arg[1..], NumberStyles.Number, CultureInfo.InvariantCulture, out var money))
            return Money.Format(money);
        if (arg.Contains('@', StringComparison.Ordinal))
        {
            return string.Join(Text.Get("commission.slice_separator"), arg.Split(';').Select(slice =>
            {
                var bits = slice.Split('@');
                return Text.Get("commission.slice", Arg(bits[0]), bits.Length > 1 ? bits[1] : "");
            }));
        }
        var colon = arg.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && arg[..colon] is "brand" or "series" or "new" or "category")
        {
            var key = arg[(colon + 1)..];
            return arg[..colon] switch
            {
                "brand" => Text.Get("commission.special.brand", key),
                "series" => Text.Get("commission.special.series", key),
                "new" => Text.Get("commission.special.new"),
                _ => Text.Get("commission.special.category", Enum.TryParse<AccountCategory>(key, out var c) ? Text.Of(c) : key),
            };
        }
        return arg;
    }
}
