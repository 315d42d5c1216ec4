using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kam.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Reads <c>Database:Provider</c>, <c>ConnectionStrings:Kam</c>, <c>Kam:DataDir</c> and <c>Kam:Sqlite:CacheMiB</c>
/// and configures EF.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDir)
{
    /// <summary>
    /// SQLite's page caches together, across every pooled connection (MiB). Each connection may keep up to 64 MiB of
    /// pages; without a total, a pool of n connections grows towards n × 64 MiB as they warm up.
    /// </summary>
    public int SqliteCacheMiB { get; init; } = DefaultSqliteCacheMiB;

    public const int DefaultSqliteCacheMiB = 256;

    public const string SqliteMigrations = "Kam.Migrations.Sqlite";
    public const string PostgresMigrations = "Kam.Migrations.Postgres";

    public static DatabaseSettings From(IConfiguration config)
    {
        var dataDir = Path.GetFullPath(config["Kam:DataDir"] is { Length: > 0 } d ? d : "data");
        var providerName = config["Database:Provider"] is { Length: > 0 } p ? p : nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
            throw new InvalidOperationException($"Database:Provider must be Sqlite or Postgres, not '{providerName}'.");
        var cs = config.GetConnectionString("Kam");
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Kam is empty.");
            cs = $"Data Source={Path.Combine(dataDir, "kam.db")}";
        }
        var cacheMiB = DefaultSqliteCacheMiB;
        if (config["Kam:Sqlite:CacheMiB"] is { Length: > 0 } text
            && (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out cacheMiB)
                || cacheMiB is < 16 or > 65536))
            throw new InvalidOperationException($"Kam:Sqlite:CacheMiB must be a whole number of MiB from 16 to 65536, not '{text}'.");
        return new DatabaseSettings(provider, cs, dataDir) { SqliteCacheMiB = cacheMiB };
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrations));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqlitePragmas(SqliteCacheMiB));
    }
}
