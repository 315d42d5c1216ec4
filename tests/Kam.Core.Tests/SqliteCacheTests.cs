using Kam.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kam.Core.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqliteMemoryCollection
{
    public const string Name = "SQLite memory (process-wide limit)";
}

/// <summary>
/// SQLite's page caches stay under one total for the whole process, however many pooled connections warm up (the
/// soak's memory grew by each new connection's 64 MiB cache before); the total is a setting with a clear error.
/// </summary>
[Collection(SqliteMemoryCollection.Name)]
public sealed class SqliteCacheTests
{
    private static DatabaseSettings Settings(string? cacheMiB) => DatabaseSettings.From(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Kam:DataDir"] = Path.GetTempPath(), ["Kam:Sqlite:CacheMiB"] = cacheMiB })
        .Build());

    [Fact]
    public void The_total_is_256_MiB_unless_set_and_a_wrong_value_stops_start_up_with_the_key_named()
    {
        Assert.Equal(256, Settings(null).SqliteCacheMiB);
        Assert.Equal(1024, Settings("1024").SqliteCacheMiB);
        foreach (var wrong in new[] { "abc", "8", "-64", "1.5", "70000" })
        {
            var e = Assert.Throws<InvalidOperationException>(() => Settings(wrong));
            Assert.Contains("Kam:Sqlite:CacheMiB", e.Message, StringComparison.Ordinal);
            Assert.Contains(wrong, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Four_connections_reading_a_large_table_stay_under_the_total()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kam-cache-{Guid.NewGuid():N}.db");
        var settings = new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}", ".") { SqliteCacheMiB = 16 };
        try
        {
            await using (var fill = new SqliteConnection($"Data Source={file};Pooling=false"))
            {
                await fill.OpenAsync();
                await using var command = fill.CreateCommand();
                // About 48 MiB of rows: more than the 16 MiB total, less than four connections' own 16 MiB caches.
                command.CommandText = """
                    CREATE TABLE big(id INTEGER PRIMARY KEY, body TEXT);
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 48000)
                    INSERT INTO big SELECT i, printf('%.1000c', 'x') FROM n;
                    """;
                await command.ExecuteNonQueryAsync();
            }

            var contexts = new List<KamDbContext>();
            try
            {
                for (var i = 0; i < 4; i++)
                {
                    var options = new DbContextOptionsBuilder<KamDbContext>();
                    settings.Apply(options);
                    var db = new KamDbContext(options.Options, new SystemUser(), TimeProvider.System);
                    contexts.Add(db);
                    await db.Database.OpenConnectionAsync(); // held open, as a busy pool holds them
                    var read = await db.Database.SqlQueryRaw<long>("SELECT sum(length(body)) AS \"Value\" FROM big").SingleAsync();
                    Assert.Equal(48_000_000L, read);
                }
                var used = SqlitePragmas.MemoryUsedBytes;
                Assert.True(used <= 20L * 1024 * 1024, $"SQLite holds {used / 1024 / 1024} MiB with four warm connections; the total is 16 MiB");
                Assert.Equal(16L * 1024 * 1024, SqlitePragmas.CurrentLimitBytes);
            }
            finally
            {
                foreach (var db in contexts)
                    await db.DisposeAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            SqlitePragmas.RestoreLimit(DatabaseSettings.DefaultSqliteCacheMiB * 1024L * 1024L);
            File.Delete(file);
        }
    }
}
