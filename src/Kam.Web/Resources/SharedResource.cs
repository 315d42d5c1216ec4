using Kam.Core.Common;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Resources;

/// <summary>The anchor of <c>IStringLocalizer&lt;SharedResource&gt;</c> (<c>L</c> in the components): the texts
/// themselves live beside each capability in Kam.Core (<see cref="Text"/>).</summary>
public sealed class SharedResource;

/// <summary>The components' and endpoints' localizer, reading every capability's texts through <see cref="Text"/>.</summary>
public sealed class TextLocalizer : IStringLocalizer<SharedResource>
{
    public LocalizedString this[string name] => Find(name, []);

    public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Text.Keys.Keys.Select(k => new LocalizedString(k, Text.Find(k) ?? k));

    private static LocalizedString Find(string name, object[] arguments)
    {
        var text = Text.Find(name);
        if (text is null)
            return new LocalizedString(name, name, resourceNotFound: true);
        return new LocalizedString(name, arguments.Length == 0 ? text : string.Format(System.Globalization.CultureInfo.CurrentCulture, text, arguments));
    }
}
