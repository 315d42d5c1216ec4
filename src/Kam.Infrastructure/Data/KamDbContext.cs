using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Ledger;
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
            // The department's account list (not archived, newest change or name first): PostgreSQL does not take
            // "ArchivedAt IS NULL" as an equality that leaves (ArchivedAt, UpdatedAt) ordered by UpdatedAt, so without
            // these it read and sorted all 50,000 accounts (52 ms); partial indexes give the first page directly.
            builder.Entity<Account>().HasIndex(a => a.UpdatedAt, "IX_Accounts_Active_UpdatedAt").HasFilter("\"ArchivedAt\" IS NULL");
            builder.Entity<Account>().HasIndex(a => a.Name, "IX_Accounts_Active_Name").HasFilter("\"ArchivedAt\" IS NULL");
            // The overdue-visits list per tier, the longest overdue first: 45 ms (a sort of the tier) → 3.7 ms.
            builder.Entity<Account>().HasIndex(a => new { a.Tier, a.VisitDueBase, a.Id }, "IX_Accounts_Active_Tier_VisitDueBase").HasFilter("\"ArchivedAt\" IS NULL");
            // The department's order list, newest first, and its capped count: 16.6 ms (10,001 rows read from the heap,
            // spread over 7,500 pages) → 1.8 ms from this index alone; the first page 1.1 → 0.14 ms.
            builder.Entity<Kam.Core.Orders.Order>().HasIndex(o => new { o.OrderedOn, o.Number }, "IX_Orders_Active_OrderedOn_Number").HasFilter("\"ArchivedAt\" IS NULL");
        }
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Entity).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
    }

    /// <summary>
    /// Only for generating demo and benchmark data in bulk, which is no one's change: skips the audit entries but
    /// still stamps versions and times. Never set on a path a user's action takes.
    /// </summary>
    public bool GeneratingData { get; set; }

    /// <summary>Rows the bulk writer wrote past SaveChanges (so past the ledger and the search index) in this context.</summary>
    public long RowsWrittenInBulk { get; set; }

    public bool ReadsAllAccounts => DataScope.SeesAllAccounts(currentUser);

    public bool FiltersByIdsRead => Database.IsNpgsql();

    /// <summary>
    /// The ids of the accounts an account manager sees, as <see cref="DataScopes"/> read them on PostgreSQL in this unit
    /// of work; forgotten at every save (a handover changes them).
    /// </summary>
    internal (Guid User, List<Guid> Ids)? VisibleAccountIds { get; set; }

    public IQueryable<Guid> Matching(SearchKind kind, string text)
    {
        if (SearchWords.Query(text) is not { } found)
            return Set<SearchEntry>().Where(e => e.Kind == kind).Select(e => e.RecordId);
        var (words, prefix) = found;
        var k = (int)kind;
        if (Database.IsNpgsql())
        {
            var query = string.Join(" & ", words.Select(w => prefix ? w + ":*" : w));
            return Database.SqlQuery<Guid>(
                $"SELECT \"RecordId\" AS \"Value\" FROM \"SearchEntries\" WHERE \"Kind\" = {k} AND to_tsvector('simple', \"Words\") @@ to_tsquery('simple', {query})");
        }
        var match = string.Join(" ", words.Select(w => prefix ? w + "*" : w));
        return Database.SqlQuery<Guid>(
            $"SELECT e.\"RecordId\" AS \"Value\" FROM \"SearchFts\" JOIN \"SearchEntries\" AS e ON e.\"Id\" = \"SearchFts\".rowid WHERE \"SearchFts\" MATCH {match} AND e.\"Kind\" = {k}");
    }

    /// <summary>
    /// Saves the records with what is derived from them, in one transaction: the audit trail, the search index and
    /// the ledger's figures (<see cref="LedgerWriter"/>). A use case that opened its own transaction keeps it; otherwise
    /// one is opened when the ledger has figures to write.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        VisibleAccountIds = null;
        var ledger = await LedgerWriter.PrepareAsync(this, clock.Today(), cancellationToken);
        AuditTrail.Stamp(this, currentUser, clock.GetUtcNow(), audit: !GeneratingData);
        await SearchIndex.SyncAsync(this, cancellationToken);
        if (ledger.IsEmpty)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await LedgerWriter.ApplyAsync(this, ledger, cancellationToken);
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            if (acceptAllChangesOnSuccess)
                ChangeTracker.AcceptAllChanges();
            return saved;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }

    /// <summary>The synchronous save goes the same way (tests and tools call it; the application saves asynchronously).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();
}
