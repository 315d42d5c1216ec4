using System.Text.Json;

namespace Kam.Core.Accounts;

public sealed record Division(string Code, string Name, string? ParentCode, IReadOnlyList<Division> Children);

/// <summary>Provinces, cities and districts (GB/T 2260), shipped as data (see Data/SOURCE.md).</summary>
public sealed class Divisions
{
    private readonly Dictionary<string, Division> _byCode = new(StringComparer.Ordinal);

    public Divisions()
    {
        using var stream = typeof(Divisions).Assembly.GetManifestResourceStream("Kam.Core.Accounts.Data.gb2260-pca.json")
            ?? throw new InvalidOperationException("Division data missing from the assembly");
        var raw = JsonSerializer.Deserialize<List<Raw>>(stream, JsonSerializerOptions.Web) ?? [];
        Provinces = raw.Select(r => Build(r, null)).ToList();
    }

    public IReadOnlyList<Division> Provinces { get; }

    public Division? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var d) ? d : null;

    public string? NameOf(string? code) => Find(code)?.Name;

    /// <summary>"广东省 广州市 天河区", leaving out the municipalities' placeholder "市辖区".</summary>
    public string PathOf(string? province, string? city, string? district) =>
        string.Join(" ", new[] { NameOf(province), NameOf(city), NameOf(district) }.Where(n => n is not null && n != "市辖区"));

    /// <summary>Resolves names as people type them ("广东省"/"广东", "广州市"/"广州") to codes; null where unknown.</summary>
    public (string? Province, string? City, string? District) Resolve(string? province, string? city, string? district)
    {
        var p = Match(Provinces, province);
        if (p is null)
            return (null, null, null);
        // Municipalities (北京市, 重庆市...) list their districts under placeholders (市辖区, 县): people write the
        // municipality's own name as the city, and a district may sit under either placeholder.
        var isMunicipality = p.Children.All(ch => ch.Name is "市辖区" or "县");
        var c = Match(p.Children, city)
            ?? (isMunicipality && (city is null || p.Name.StartsWith(city.Trim().TrimEnd('市'), StringComparison.Ordinal)) ? p.Children[0] : null)
            ?? (p.Children.Count == 1 ? p.Children[0] : null);
        var d = c is null ? null : Match(c.Children, district);
        if (d is null && isMunicipality && !string.IsNullOrWhiteSpace(district))
        {
            d = p.Children.Select(ch => Match(ch.Children, district)).FirstOrDefault(x => x is not null);
            c = d is null ? c : Find(d.ParentCode);
        }
        return (p.Code, c?.Code, d?.Code);
    }

    private static Division? Match(IReadOnlyList<Division> options, string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        name = name.Trim();
        return options.FirstOrDefault(o => o.Name == name)
            ?? options.FirstOrDefault(o => o.Code == name)
            ?? options.FirstOrDefault(o => o.Name.StartsWith(name, StringComparison.Ordinal) && name.Length >= 2);
    }

    private Division Build(Raw raw, string? parent)
    {
        var children = new List<Division>();
        var division = new Division(raw.Code, raw.Name, parent, children);
        _byCode[raw.Code] = division;
        children.AddRange((raw.Children ?? []).Select(c => Build(c, raw.Code)));
        return division;
    }

    private sealed record Raw(string Code, string Name, List<Raw>? Children);
}
