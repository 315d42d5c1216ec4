using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kam.Infrastructure.Data;

public sealed class DatabaseMigrator(KamDbContext db, DerivedData derived, ILogger<DatabaseMigrator> logger)
{
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (Path.GetDirectoryName(Path.GetFullPath(file)) is { } dir)
                Directory.CreateDirectory(dir);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(ct);
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers go on while one request writes; fresh statistics keep the planner on the right index
            // (about 0.1 s at 50,000 accounts).
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", ct);
        }
        // A database from before the ledger and the search index (or restored from such a backup) gets them now.
        await derived.EnsureAsync(ct);
    }
}
