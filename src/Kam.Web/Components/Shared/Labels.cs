using System.Globalization;
using Kam.Core.Common;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Components.Shared;

/// <summary>Localised names of enum values and of the tier rule descriptions.</summary>
public static class Labels
{
    public static string Of<T>(this IStringLocalizer<SharedResource> l, T? value) where T : struct, Enum =>
        value is { } v ? l[$"{typeof(T).Name.ToLowerInvariant()}.{v}"].Value : "";

    /// <summary>"purchase>=5000000;category=Government,RealEstate" → "年采购额 ≥ 5,000,000，类别：政府机构、房地产".</summary>
    public static string TierRule(this IStringLocalizer<SharedResource> l, string? rule)
    {
        if (string.IsNullOrEmpty(rule) || rule == "default")
            return l["tierrule.default"];
        var parts = rule.Split(';').Select(part =>
        {
            var kv = part.Split('=', 2);
            return kv[0] switch
            {
                "purchase>" when decimal.TryParse(kv[1], CultureInfo.InvariantCulture, out var min) => l["tierrule.purchase", min.ToString("N0", CultureInfo.InvariantCulture)].Value,
                "category" => l["tierrule.category", string.Join("、", kv[1].Split(',').Select(c => l[$"accountcategory.{c}"].Value))].Value,
                _ => part,
            };
        });
        return string.Join("，", parts);
    }

    /// <summary>A date in a short list: month and day within this year, the whole date otherwise.</summary>
    public static string ShortDate(DateOnly date, DateOnly today) =>
        date.ToString(date.Year == today.Year ? "MM-dd" : "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Money as everywhere in Kam: <c>¥1,234.56</c> (<see cref="Kam.Core.Common.Money"/>).</summary>
    /// <summary>
    /// A moment on screen: yyyy-MM-dd HH:mm in the department's clock, the date and the time joined by a no-break space
    /// so that they stay on one line (exports keep BusinessClock.Format's plain space).
    /// </summary>
    public static string When(DateTimeOffset at) => BusinessClock.Format(at).Replace(' ', '\u00A0');

    /// <summary>The calendar's month and day names: English for an English user, Chinese otherwise.</summary>
    public static CultureInfo CalendarCulture => CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.Ordinal)
        ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>
    /// Tells the surrounding form that a bound field changed (so the server's error beside it clears), for inputs of
    /// our own bound with @bind-Value; nothing outside a form.
    /// </summary>
    public static void NotifyChanged<T>(Microsoft.AspNetCore.Components.Forms.EditContext? form, System.Linq.Expressions.Expression<Func<T>>? field)
    {
        if (form is not null && field is not null)
            form.NotifyFieldChanged(Microsoft.AspNetCore.Components.Forms.FieldIdentifier.Create(field));
    }

    public static string Money(decimal? amount) => Kam.Core.Common.Money.Format(amount);

    /// <summary>An amount in an Ant Design number box: with thousands separators.</summary>
    public static string AmountShown(decimal? amount) => amount is { } a ? a.ToString("#,##0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>What a person typed in an Ant Design number box, as the box reads numbers ("120万" → "1200000").</summary>
    public static string AmountTyped(string? text) =>
        Kam.Core.Common.Money.TryParse(text, out var a) ? a.ToString(CultureInfo.InvariantCulture) : text ?? "";

    public static string AmountShown(decimal amount) => AmountShown((decimal?)amount);
}
