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

    /// <summary>
    /// The accounts the current user may see (domain.md "Confidential"). Every list, search, page, export and
    /// report reads accounts through here, so they cannot disagree.
    /// </summary>
    IQueryable<Account> Accounts { get; }

    /// <summary>The contacts of the accounts the current user may see.</summary>
    IQueryable<Contact> Contacts { get; }

    /// <summary>Every account, beyond the data scope: for adding, and for the few rules that must look past the
    /// scope (the duplicate guard, handover, tier recomputation). Never for showing records to a user.</summary>
    DbSet<Account> AllAccounts { get; }

    /// <summary>Every contact, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Contact> AllContacts { get; }

    DbSet<AccountMember> AccountMembers { get; }

    DbSet<Setting> Settings { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    DbSet<Handovers.Handover> Handovers { get; }

    DbSet<Exports.ExportLog> ExportLogs { get; }

    DbSet<Channels.ChannelAgent> ChannelAgents { get; }

    DbSet<Channels.AgentAccount> AgentAccounts { get; }

    DbSet<Attachments.Attachment> Attachments { get; }

    /// <summary>The visits (plans and records) to the accounts the current user may see.</summary>
    IQueryable<Visits.Visit> Visits { get; }

    /// <summary>Every visit, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Visits.Visit> AllVisits { get; }

    DbSet<Visits.VisitContact> VisitContacts { get; }

    DbSet<Reports.DailyReport> DailyReports { get; }

    DbSet<Reports.DaySummary> DaySummaries { get; }

    DbSet<WorkItems.Meeting> Meetings { get; }

    DbSet<WorkItems.MeetingAttendee> MeetingAttendees { get; }

    DbSet<WorkItems.WorkItem> WorkItems { get; }

    DbSet<WorkItems.WorkItemNote> WorkItemNotes { get; }

    DbSet<Notifications.Notification> Notifications { get; }

    /// <summary>The cooperation projects of the accounts the current user may see.</summary>
    IQueryable<Opportunities.Opportunity> Opportunities { get; }

    /// <summary>Every cooperation project, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Opportunities.Opportunity> AllOpportunities { get; }

    DbSet<Approvals.ApprovalRequest> ApprovalRequests { get; }

    DbSet<Approvals.ApprovalStep> ApprovalSteps { get; }

    /// <summary>The contracts of the accounts the current user may see.</summary>
    IQueryable<Contracts.Contract> Contracts { get; }

    /// <summary>Every contract, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Contracts.Contract> AllContracts { get; }

    DbSet<Contracts.NumberSequence> NumberSequences { get; }

    DbSet<Orders.Product> Products { get; }

    /// <summary>The orders of the accounts the current user may see.</summary>
    IQueryable<Orders.Order> Orders { get; }

    /// <summary>Every order, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Orders.Order> AllOrders { get; }

    DbSet<Orders.OrderLine> OrderLines { get; }

    /// <summary>The shipments of the accounts the current user may see.</summary>
    IQueryable<Orders.Shipment> Shipments { get; }

    /// <summary>Every shipment, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Orders.Shipment> AllShipments { get; }

    DbSet<Orders.ShipmentLine> ShipmentLines { get; }

    /// <summary>The receivables (instalments) of the accounts the current user may see.</summary>
    IQueryable<Payments.Instalment> Instalments { get; }

    /// <summary>Every instalment, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Payments.Instalment> AllInstalments { get; }

    /// <summary>The payments of the accounts the current user may see.</summary>
    IQueryable<Payments.Payment> Payments { get; }

    /// <summary>Every payment, beyond the data scope (see <see cref="AllAccounts"/>).</summary>
    DbSet<Payments.Payment> AllPayments { get; }

    EntityEntry<TEntity> Entry<TEntity>(TEntity entity) where TEntity : class;

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
