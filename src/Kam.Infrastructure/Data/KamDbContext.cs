using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Kam.Infrastructure.Data;

public class KamDbContext(DbContextOptions<KamDbContext> options, ICurrentUser currentUser, TimeProvider clock)
    : IdentityDbContext<User, Role, Guid>(options), IKamDb, IDataProtectionKeyContext
{
    public IQueryable<T> Read<T>()
        where T : class => DataScopes.Read(this, currentUser, Set<T>());

    public DbSet<T> Unscoped<T>()
        where T : class => Set<T>();

    /// <summary>ASP.NET Data Protection keys, shared by every app server on one database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys { get; set; } = null!;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        if (Database.IsSqlite())
        {
            // SQLite cannot compare or order DateTimeOffset: store UTC ticks so range filters and sorting work.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Each capability keeps the mapping of its records beside them (Kam.Core/<Capability>/EntityConfigurations.cs).
        builder.ApplyConfigurationsFromAssembly(typeof(Kam.Core.KamCore).Assembly);
        if (Database.IsNpgsql())
        {
            // "Contains" search over 50,000 accounts: a trigram index serves LIKE '%fragment%' on PostgreSQL.
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Account>().HasIndex(a => a.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
    }

    /// <summary>
    /// Only for generating demo and benchmark data in bulk, which is no one's change: skips the audit entries but
    /// still stamps versions and times. Never set on a path a user's action takes.
    /// </summary>
    public bool GeneratingData { get; set; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AuditTrail.Stamp(this, currentUser, clock.GetUtcNow(), audit: !GeneratingData);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AuditTrail.Stamp(this, currentUser, clock.GetUtcNow(), audit: !GeneratingData);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }
}
