using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Kam.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Reads <c>Database:Provider</c>, <c>ConnectionStrings:Kam</c> and <c>Kam:DataDir</c> and configures EF.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDir)
{
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
        return new DatabaseSettings(provider, cs, dataDir);
    }

    public void Apply(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Postgres)
            options.UseNpgsql(ConnectionString, o => o.MigrationsAssembly(PostgresMigrations));
        else
            options.UseSqlite(ConnectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(new SqlitePragmas());
    }
}
