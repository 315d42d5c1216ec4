using Kam.Core.Accounts;
using Kam.Core.Audit;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Kam.Core.Common;

/// <summary>The database as the use cases see it; implemented by the DbContext in Kam.Infrastructure.</summary>
public interface IKamDb
{
    DbSet<User> Users { get; }

    DbSet<Role> Roles { get; }

    DbSet<IdentityUserRole<Guid>> UserRoles { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<Account> Accounts { get; }

    DbSet<AccountMember> AccountMembers { get; }

    DbSet<Contact> Contacts { get; }

    DbSet<Setting> Settings { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    DbSet<Handovers.Handover> Handovers { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
