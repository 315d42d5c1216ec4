using Kam.Core.Audit;
using Kam.Core.Users;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Tests;

/// <summary>Both providers' migrations describe today's model, and the SQLite ones build a working database.</summary>
public sealed class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=localhost;Database=none")]
    public void Migrations_are_up_to_date_with_the_model(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<KamDbContext>();
        new DatabaseSettings(provider, connectionString, ".").Apply(options);
        using var db = new KamDbContext(options.Options, new SystemUser(), TimeProvider.System);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{provider}: run 'dotnet ef migrations add' for the model change");
    }

    [Fact]
    public async Task Sqlite_migrations_create_the_schema()
    {
        var file = Path.Combine(Path.GetTempPath(), $"kam-mig-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<KamDbContext>();
            new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=false", ".").Apply(options);
            await using var db = new KamDbContext(options.Options, new SystemUser(), TimeProvider.System);
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Unscoped<User>().CountAsync());
            Assert.Equal(0, await db.Unscoped<AuditEntry>().CountAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
