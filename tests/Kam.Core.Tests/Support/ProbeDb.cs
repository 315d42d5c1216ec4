using Kam.Core.Common;
using Kam.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kam.Core.Tests.Support;

/// <summary>A business record of the kind every capability will add: versioned, audited, archivable, with money.</summary>
public sealed class Probe : Entity, IArchivable
{
    public string Name { get; set; } = "";

    public decimal Amount { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>The real KamDbContext plus one probe entity, on a private in-memory SQLite database.</summary>
public sealed class ProbeDbContext(DbContextOptions<KamDbContext> options, ICurrentUser user, TimeProvider clock)
    : KamDbContext(options, user, clock)
{
    public DbSet<Probe> Probes => Set<Probe>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.Entity<Probe>();
        base.OnModelCreating(builder);
    }
}

public sealed class TestUser(Guid? id, string? name) : ICurrentUser
{
    public Guid? Id => id;

    public string? UserName => name;

    public bool IsInRole(string role) => false;

    public bool IsSystem => false;
}

public sealed class ProbeDb : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public ProbeDb()
    {
        _connection.Open();
        using var db = Open();
        db.Database.EnsureCreated(); // a test-only model (with Probe); the real schema comes from migrations
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 30, 0, TimeSpan.Zero));

    public TestUser User { get; set; } = new(Guid.CreateVersion7(), "head");

    public ProbeDbContext Open() =>
        new(new DbContextOptionsBuilder<KamDbContext>().UseSqlite(_connection).ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, ProbeModelCacheKey>().Options, User, Clock);

    public void Dispose() => _connection.Dispose();
}

/// <summary>Keeps the probe model apart from the real model in EF's model cache.</summary>
public sealed class ProbeModelCacheKey : Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) => (context.GetType(), designTime);
}
