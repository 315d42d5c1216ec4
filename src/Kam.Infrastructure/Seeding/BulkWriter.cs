using Kam.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// Writes generated rows straight into their tables, for the benchmark's million visits: one prepared INSERT reused
/// per row inside a transaction on SQLite, binary COPY on PostgreSQL. Tables, columns and value conversions (enums
/// as text, SQLite's DateTimeOffset ticks, Guids as text) come from the EF model, so the rows read back exactly as
/// EF writes them. No change tracking, no audit and no stamping: the generator sets versions and who/when itself.
/// Only for generated data, never on a user's path.
/// </summary>
internal sealed class BulkWriter(KamDbContext db) : IAsyncDisposable
{
    /// <summary>SQLite page cache while writing (KiB): the visits' secondary indexes stay in memory.</summary>
    private const int WritingCacheKib = 524_288;

    private readonly Dictionary<string, (long Rows, TimeSpan Time)> _tables = [];
    private bool _open;

    private sealed record Column(string Name, IClrPropertyGetter Getter, RelationalTypeMapping Mapping)
    {
        public object? ProviderValue(object entity)
        {
            var value = Getter.GetClrValue(entity);
            return value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);
        }
    }

    /// <summary>Rows and time per table so far, for the seed log.</summary>
    public string Summary => string.Join(", ", _tables.Select(t => $"{t.Key} {t.Value.Rows} rows in {t.Value.Time.TotalSeconds:0.0} s"));

    public async Task WriteAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var (table, columns) = Describe(typeof(T));
        await OpenAsync(ct);
        if (db.Database.GetDbConnection() is NpgsqlConnection pg)
            await CopyAsync(pg, table, columns, rows, ct);
        else
            Insert((SqliteConnection)db.Database.GetDbConnection(), table, columns, rows);
        db.RowsWrittenInBulk += rows.Count;
        var (count, time) = _tables.GetValueOrDefault(typeof(T).Name);
        _tables[typeof(T).Name] = (count + rows.Count, time + System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>One connection for the whole session (EF's own queries in between use it too).</summary>
    private async Task OpenAsync(CancellationToken ct)
    {
        if (_open)
            return;
        await db.Database.OpenConnectionAsync(ct);
        _open = true;
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // The one writing connection may use more than the pool's total while it writes; restored at the end.
            _limitBefore = SqlitePragmas.RaiseLimit(WritingCacheKib * 1024L + 64L * 1024 * 1024);
            Pragma(sqlite, $"PRAGMA cache_size=-{WritingCacheKib};");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_open)
            return;
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            Pragma(sqlite, "PRAGMA cache_size=-65536;"); // back to SqlitePragmas' size before the pool keeps it
            Pragma(sqlite, "PRAGMA shrink_memory;");
            if (_limitBefore is { } before)
                SqlitePragmas.RestoreLimit(before);
        }
        await db.Database.CloseConnectionAsync();
        _open = false;
    }

    private long? _limitBefore;

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private (string Table, List<Column> Columns) Describe(Type type)
    {
        var entity = db.Model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // A key the database numbers itself (an integer identity) is left to the database.
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never && p.ClrType == typeof(long)))
            .Select(p => p.IsShadowProperty()
                ? throw new InvalidOperationException($"{type.Name}.{p.Name} is a shadow property; the bulk writer cannot read it.")
                : new Column(sql.DelimitIdentifier(p.GetColumnName(store)!), p.GetGetter(), p.GetRelationalTypeMapping()))
            .ToList();
        return (sql.DelimitIdentifier(store.Name, store.Schema), columns);
    }

    /// <summary>
    /// One prepared single-row INSERT, executed per row inside one transaction. (Multi-row statements were slower:
    /// SQLite finds each named parameter by a linear search, so a statement of 1,000 parameters binds in O(n²).)
    /// </summary>
    private static void Insert<T>(SqliteConnection connection, string table, List<Column> columns, IReadOnlyCollection<T> rows)
        where T : class
    {
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})";
        // The mapping configures each parameter as EF would (e.g. a Guid bound as upper-case text), once.
        var parameters = columns.Select((c, i) => (SqliteParameter)c.Mapping.CreateParameter(command, "@p" + i, null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string table, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table} ({string.Join(", ", columns.Select(c => c.Name))}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in columns)
            {
                switch (column.ProviderValue(row))
                {
                    case null: await importer.WriteNullAsync(ct); break;
                    case Guid g: await importer.WriteAsync(g, NpgsqlDbType.Uuid, ct); break;
                    case string s: await importer.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    case DateTimeOffset d: await importer.WriteAsync(d.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct); break;
                    case DateOnly d: await importer.WriteAsync(d, NpgsqlDbType.Date, ct); break;
                    case int i: await importer.WriteAsync(i, NpgsqlDbType.Integer, ct); break;
                    case long l: await importer.WriteAsync(l, NpgsqlDbType.Bigint, ct); break;
                    case double f: await importer.WriteAsync(f, NpgsqlDbType.Double, ct); break;
                    case decimal m: await importer.WriteAsync(m, NpgsqlDbType.Numeric, ct); break;
                    case bool b: await importer.WriteAsync(b, NpgsqlDbType.Boolean, ct); break;
                    case var other: throw new NotSupportedException($"{table}.{column.Name}: no COPY writer for {other.GetType().Name}.");
                }
            }
        }
        await importer.CompleteAsync(ct);
    }
}
