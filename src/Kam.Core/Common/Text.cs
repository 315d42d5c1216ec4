using System.Collections;
using System.Globalization;
using System.Resources;

namespace Kam.Core.Common;

/// <summary>
/// Every user-visible text of Kam, for every layer (pages, API problems, exports, import reports, print views,
/// notifications): each capability keeps its own pair of files beside its code, <c>Texts.resx</c> (zh-CN, the
/// default) and <c>Texts.en.resx</c>, and they are found here by key. Keys are unique across capabilities.
/// </summary>
public static class Text
{
    private static readonly Lazy<IReadOnlyDictionary<string, ResourceManager>> Index = new(Build);

    /// <summary>The languages Kam speaks: Chinese first, English second.</summary>
    public static IReadOnlyList<CultureInfo> Languages { get; } = [CultureInfo.GetCultureInfo("zh-CN"), CultureInfo.GetCultureInfo("en")];

    /// <summary>Whether <paramref name="text"/> is the key's text in any of Kam's languages (case aside): what a person may type or a sheet may hold.</summary>
    public static bool Means(string key, string? text) =>
        text is not null && Languages.Any(l => string.Equals(Find(key, l), text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Every key, with the file (capability) it lives in.</summary>
    public static IReadOnlyDictionary<string, ResourceManager> Keys => Index.Value;

    /// <summary>The text in the given culture (the current UI culture by default), or null for an unknown key.</summary>
    public static string? Find(string key, CultureInfo? culture = null) =>
        Index.Value.TryGetValue(key, out var texts) ? texts.GetString(key, culture ?? CultureInfo.CurrentUICulture) : null;

    /// <summary>The text in the current UI culture, with its arguments filled in; the key itself when unknown.</summary>
    public static string Get(string key, params object?[] args)
    {
        var text = Find(key) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    /// <summary>The text of an enum value: key "{enum type in lower case}.{value}".</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Get($"{typeof(TEnum).Name.ToLowerInvariant()}.{value}");

    private static Dictionary<string, ResourceManager> Build()
    {
        var assembly = typeof(Text).Assembly;
        var index = new Dictionary<string, ResourceManager>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".Texts.resources", StringComparison.Ordinal)))
        {
            var texts = new ResourceManager(name[..^".resources".Length], assembly);
            // Not disposed: the manager keeps this set and answers from it afterwards.
            var set = texts.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
            foreach (DictionaryEntry entry in set)
            {
                var key = (string)entry.Key;
                if (!index.TryAdd(key, texts))
                    throw new InvalidOperationException($"The text key {key} is in two capabilities' files.");
            }
        }
        return index;
    }
}
