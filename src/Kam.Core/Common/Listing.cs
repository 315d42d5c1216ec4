using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Common;

/// <summary>What every list shares: a page of the query, and a total counted only up to a cap.</summary>
public static class Listing
{
    /// <summary>
    /// Totals are counted up to here: at a department's size (1,000,000 visits, 500,000 orders) counting every row to
    /// print "1,009,641" costs more than the page itself. A total of <c>CountCap + 1</c> means "more than".
    /// </summary>
    public const int CountCap = 10_000;

    public static Task<int> CappedCountAsync<T>(this IQueryable<T> query, CancellationToken ct) => query.Take(CountCap + 1).CountAsync(ct);

    public static IQueryable<T> PageOf<T>(this IQueryable<T> sorted, PageRequest paging) => sorted.Skip(paging.Skip).Take(paging.SafePageSize);
}
