using Kam.Core.Accounts;
using Kam.Core.Audit;
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
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<Account> AllAccounts => Set<Account>();

    public DbSet<Contact> AllContacts => Set<Contact>();

    public DbSet<AccountMember> AccountMembers => Set<AccountMember>();

    public IQueryable<Account> Accounts => AccountScope.Accounts(this, currentUser);

    public IQueryable<Contact> Contacts => AccountScope.Contacts(this, currentUser);

    public DbSet<Setting> Settings => Set<Setting>();

    public DbSet<Kam.Core.Handovers.Handover> Handovers => Set<Kam.Core.Handovers.Handover>();

    public DbSet<Kam.Core.Exports.ExportLog> ExportLogs => Set<Kam.Core.Exports.ExportLog>();

    public DbSet<Kam.Core.Channels.ChannelAgent> ChannelAgents => Set<Kam.Core.Channels.ChannelAgent>();

    public DbSet<Kam.Core.Channels.AgentAccount> AgentAccounts => Set<Kam.Core.Channels.AgentAccount>();

    public DbSet<Kam.Core.Attachments.Attachment> Attachments => Set<Kam.Core.Attachments.Attachment>();

    public IQueryable<Kam.Core.Visits.Visit> Visits => AccountScope.Visits(this, currentUser);

    public DbSet<Kam.Core.Visits.Visit> AllVisits => Set<Kam.Core.Visits.Visit>();

    public DbSet<Kam.Core.Visits.VisitContact> VisitContacts => Set<Kam.Core.Visits.VisitContact>();

    public DbSet<Kam.Core.Reports.DailyReport> DailyReports => Set<Kam.Core.Reports.DailyReport>();

    public DbSet<Kam.Core.Reports.DaySummary> DaySummaries => Set<Kam.Core.Reports.DaySummary>();

    public DbSet<Kam.Core.WorkItems.Meeting> Meetings => Set<Kam.Core.WorkItems.Meeting>();

    public DbSet<Kam.Core.WorkItems.MeetingAttendee> MeetingAttendees => Set<Kam.Core.WorkItems.MeetingAttendee>();

    public DbSet<Kam.Core.WorkItems.WorkItem> WorkItems => Set<Kam.Core.WorkItems.WorkItem>();

    public DbSet<Kam.Core.WorkItems.WorkItemNote> WorkItemNotes => Set<Kam.Core.WorkItems.WorkItemNote>();

    public DbSet<Kam.Core.Notifications.Notification> Notifications => Set<Kam.Core.Notifications.Notification>();

    public IQueryable<Kam.Core.Opportunities.Opportunity> Opportunities => AccountScope.Under(this, currentUser, AllOpportunities);

    public DbSet<Kam.Core.Opportunities.Opportunity> AllOpportunities => Set<Kam.Core.Opportunities.Opportunity>();

    public DbSet<Kam.Core.Approvals.ApprovalRequest> ApprovalRequests => Set<Kam.Core.Approvals.ApprovalRequest>();

    public DbSet<Kam.Core.Approvals.ApprovalStep> ApprovalSteps => Set<Kam.Core.Approvals.ApprovalStep>();

    public IQueryable<Kam.Core.Contracts.Contract> Contracts => AccountScope.Under(this, currentUser, AllContracts);

    public DbSet<Kam.Core.Contracts.Contract> AllContracts => Set<Kam.Core.Contracts.Contract>();

    public DbSet<Kam.Core.Contracts.NumberSequence> NumberSequences => Set<Kam.Core.Contracts.NumberSequence>();

    public DbSet<Kam.Core.Orders.Product> Products => Set<Kam.Core.Orders.Product>();

    public IQueryable<Kam.Core.Orders.Order> Orders => AccountScope.Under(this, currentUser, AllOrders);

    public DbSet<Kam.Core.Orders.Order> AllOrders => Set<Kam.Core.Orders.Order>();

    public DbSet<Kam.Core.Orders.OrderLine> OrderLines => Set<Kam.Core.Orders.OrderLine>();

    public IQueryable<Kam.Core.Orders.Shipment> Shipments => AccountScope.Under(this, currentUser, AllShipments);

    public DbSet<Kam.Core.Orders.Shipment> AllShipments => Set<Kam.Core.Orders.Shipment>();

    public DbSet<Kam.Core.Orders.ShipmentLine> ShipmentLines => Set<Kam.Core.Orders.ShipmentLine>();

    public IQueryable<Kam.Core.Payments.Instalment> Instalments => AccountScope.Under(this, currentUser, AllInstalments);

    public DbSet<Kam.Core.Payments.Instalment> AllInstalments => Set<Kam.Core.Payments.Instalment>();

    public IQueryable<Kam.Core.Payments.Payment> Payments => AccountScope.Under(this, currentUser, AllPayments);

    public DbSet<Kam.Core.Payments.Payment> AllPayments => Set<Kam.Core.Payments.Payment>();

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
        builder.ApplyConfigurationsFromAssembly(typeof(KamDbContext).Assembly);
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
