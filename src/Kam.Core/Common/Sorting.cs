using System.Linq.Expressions;

namespace Kam.Core.Common;

/// <summary>
/// The fields a list may be sorted by, declared once per list: each field's order both ways (with its tie-breaker,
/// so pages never overlap) and the order used when the request names no field or one the list does not offer.
/// Field names are matched without regard to case; <see cref="PageRequest.Sort"/> is "field" or "-field".
/// </summary>
public sealed class Sorting<T>(Func<IQueryable<T>, IOrderedQueryable<T>> byDefault)
{
    private readonly Dictionary<string, (Func<IQueryable<T>, IOrderedQueryable<T>> Asc, Func<IQueryable<T>, IOrderedQueryable<T>> Desc)> _fields =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The names a request may sort by.</summary>
    public IReadOnlyCollection<string> Fields => _fields.Keys;

    /// <summary>A field sorted by one key either way, then by <paramref name="then"/> (the same both ways).</summary>
    public Sorting<T> By<TKey>(string name, Expression<Func<T, TKey>> key, Func<IOrderedQueryable<T>, IOrderedQueryable<T>>? then = null, params string[] aliases)
    {
        then ??= q => q;
        return By(name, q => then(q.OrderBy(key)), q => then(q.OrderByDescending(key)), aliases);
    }

    /// <summary>A field whose two orders differ beyond the direction of the key.</summary>
    public Sorting<T> By(string name, Func<IQueryable<T>, IOrderedQueryable<T>> asc, Func<IQueryable<T>, IOrderedQueryable<T>> desc, params string[] aliases)
    {
        foreach (var n in aliases.Prepend(name))
            _fields[n] = (asc, desc);
        return this;
    }

    public IOrderedQueryable<T> Apply(IQueryable<T> query, PageRequest paging) =>
        paging.SortField is { } field && _fields.TryGetValue(field, out var order)
            ? (paging.Descending ? order.Desc(query) : order.Asc(query))
            : byDefault(query);
}
