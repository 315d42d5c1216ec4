using Npgsql;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>
/// The database a test host runs on: SQLite by default, PostgreSQL when <c>KAM_TEST_DB=Postgres</c> and
/// <c>KAM_TEST_PG</c> holds a connection string to a server where we may create and drop databases.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _adminConnection;
    private readonly string? _databaseName;

    private TestDatabase(string provider, string connectionString, string dataDir, string? adminConnection, string? databaseName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataDir = dataDir;
        _adminConnection = adminConnection;
        _databaseName = databaseName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public string DataDir { get; }

    public static bool IsPostgres => string.Equals(Environment.GetEnvironmentVariable("KAM_TEST_DB"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreateAsync()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "kam-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        if (!IsPostgres)
            return new TestDatabase("Sqlite", $"Data Source={Path.Combine(dataDir, "kam.db")}", dataDir, null, null);

        var admin = Environment.GetEnvironmentVariable("KAM_TEST_PG")
            ?? throw new InvalidOperationException("KAM_TEST_DB=Postgres needs KAM_TEST_PG, a connection string to the test server.");
        var name = "kam_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(admin))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var cs = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        return new TestDatabase("Postgres", cs, dataDir, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_adminConnection is not null && _databaseName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a closing host is no reason to fail a test run.
        }
    }
}
