using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kam.Core.Common;

/// <summary>The database as the use cases see it; implemented by the DbContext in Kam.Infrastructure.</summary>
public interface IKamDb
{
    /// <summary>
    /// The records of <typeparamref name="T"/> the current user may see, by the scope the type declares
    /// (<see cref="ScopedAttribute"/>). Every list, search, page, export and report reads through here, so they
    /// cannot disagree.
    /// </summary>
    IQueryable<T> Read<T>()
        where T : class;

    /// <summary>
    /// Every record of <typeparamref name="T"/>, past the data scope: for adding and changing records found in scope
    /// already, and for the rules that must look past it (the duplicate guard, handover, numbering, jobs). Never for
    /// showing records to a user without a check of its own.
    /// </summary>
    DbSet<T> Unscoped<T>()
        where T : class;

    /// <summary>
    /// The ids of the records of <paramref name="kind"/> whose search text may contain <paramref name="text"/>
    /// (trimmed and lower-cased), from the search index: every record that contains it is among them, so a caller
    /// keeps its exact contains-test and reads only these instead of scanning every record.
    /// </summary>
    IQueryable<Guid> Matching(SearchKind kind, string text);

    /// <summary>
    /// Whether a filter "among these ids or those" is answered sooner with the ids read first and given as values than
    /// as subqueries (PostgreSQL; see <see cref="DocumentSearch"/>). SQLite's planner serves the subqueries as they are.
    /// </summary>
    bool FiltersByIdsRead { get; }

    /// <summary>Whether <see cref="Read{T}"/> gives the current user every account (the department's view).</summary>
    bool ReadsAllAccounts { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity)
        where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
