using System.Globalization;
using System.Text;

namespace Kam.Web.Components.Pages.Contracts;

/// <summary>An amount in Chinese capital numerals (大写金额) as contracts print it, e.g. 壹佰万元整.</summary>
public static class ChineseMoney
{
    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] Units = ["", "拾", "佰", "仟"];
    private static readonly string[] Groups = ["", "万", "亿", "万亿"];

    public static string InWords(decimal amount)
    {
        var negative = amount < 0;
        var fen = (long)Math.Round(Math.Abs(amount) * 100, MidpointRounding.AwayFromZero);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);
        var text = new StringBuilder(negative ? "负" : "");
        if (yuan > 0)
            text.Append(Integer(yuan)).Append('元');
        if (jiao == 0 && cents == 0)
            return (yuan == 0 ? "零元" : text.ToString()) + "整";
        if (jiao > 0)
            text.Append(Digits[jiao]).Append('角');
        else if (yuan > 0)
            text.Append('零');
        if (cents > 0)
            text.Append(Digits[cents]).Append('分');
        return text.ToString();
    }

    private static string Integer(long value)
    {
        var digits = value.ToString(CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        var zero = false;
        for (var i = 0; i < digits.Length; i++)
        {
            var position = digits.Length - 1 - i;
            var d = digits[i] - '0';
            if (d == 0)
            {
                zero = true;
            }
            else
            {
                if (zero && text.Length > 0)
                    text.Append('零');
                zero = false;
                text.Append(Digits[d]).Append(Units[position % 4]);
            }
            if (position % 4 == 0 && position > 0)
            {
                var group = digits.Substring(Math.Max(0, i - 3), Math.Min(4, i + 1));
                if (group.Any(ch => ch != '0'))
                    text.Append(Groups[position / 4]);
            }
        }
        return text.ToString();
    }
}
