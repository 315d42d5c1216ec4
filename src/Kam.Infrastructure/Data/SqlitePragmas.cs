using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Kam.Infrastructure.Data;

/// <summary>
/// Per-connection SQLite settings: with WAL, synchronous=NORMAL stays crash-safe (the database is never corrupted;
/// at worst the last commits before a power cut are lost) and makes each commit an order of magnitude cheaper;
/// a larger page cache keeps the 50,000-account indexes in memory. The caches of all pooled connections together
/// stay under one total (SQLite's soft heap limit, process-wide): past it, SQLite reuses cached pages instead of
/// allocating more, so memory levels off however many connections the pool has opened.
/// </summary>
public sealed class SqlitePragmas(int totalCacheMiB) : DbConnectionInterceptor
{
    private const int ConnectionCacheMiB = 64;
    private static long appliedLimit = -1;

    /// <summary>The soft heap limit SQLite works under now, in bytes (0 = none).</summary>
    public static long CurrentLimitBytes => SQLitePCL.raw.sqlite3_soft_heap_limit64(-1);

    /// <summary>Bytes SQLite has allocated now (page caches, statements, schema), for diagnostics and tests.</summary>
    public static long MemoryUsedBytes => SQLitePCL.raw.sqlite3_memory_used();

    /// <summary>Raises the process-wide limit to at least <paramref name="bytes"/>; returns the limit before.</summary>
    public static long RaiseLimit(long bytes)
    {
        var before = CurrentLimitBytes;
        if (before > 0 && before < bytes)
            SQLitePCL.raw.sqlite3_soft_heap_limit64(bytes);
        return before;
    }

    public static void RestoreLimit(long bytes) => SQLitePCL.raw.sqlite3_soft_heap_limit64(bytes);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
            return;
        var limit = totalCacheMiB * 1024L * 1024L;
        if (Interlocked.Exchange(ref appliedLimit, limit) != limit)
            SQLitePCL.raw.sqlite3_soft_heap_limit64(limit);
        using var command = sqlite.CreateCommand();
        command.CommandText = $"PRAGMA synchronous=NORMAL; PRAGMA cache_size=-{Math.Min(ConnectionCacheMiB, totalCacheMiB) * 1024}; PRAGMA temp_store=MEMORY;";
        command.ExecuteNonQuery();
    }
}
