namespace Kam.Core.Common;

/// <summary>Paging, sorting and search shared by every list; <see cref="Sort"/> is a field name, "-" prefix for descending.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 20, string? Sort = null, string? Search = null)
{
    public const int MaxPageSize = 200;

    /// <summary>The page asked for, within what a list can have (a page number near int.MaxValue overflowed the offset).</summary>
    public int SafePage => Math.Clamp(Page, 1, 1_000_000);

    public const int DefaultPageSize = 20;

    public int SafePageSize => PageSize <= 0 ? DefaultPageSize : Math.Min(PageSize, MaxPageSize);

    public int Skip => (SafePage - 1) * SafePageSize;

    public bool Descending => Sort?.StartsWith('-') == true;

    public string? SortField => Sort?.TrimStart('-', '+');
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
