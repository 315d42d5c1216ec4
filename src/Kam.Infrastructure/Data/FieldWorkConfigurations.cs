using Kam.Core.Accounts;
using Kam.Core.Notifications;
using Kam.Core.Reports;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Infrastructure.Data;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("Visits");
        b.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(v => v.Purpose).HasMaxLength(500);
        b.Property(v => v.ExpectedOutcome).HasMaxLength(500);
        b.Property(v => v.Summary).HasMaxLength(4000);
        b.Property(v => v.Outcome).HasMaxLength(1000);
        b.Property(v => v.CustomerRequests).HasMaxLength(1000);
        b.Property(v => v.Competitors).HasMaxLength(500);
        b.Property(v => v.NextStep).HasMaxLength(500);
        b.Property(v => v.Location).HasMaxLength(200);
        b.Property(v => v.CancelReason).HasMaxLength(200);
        b.HasOne<Account>().WithMany().HasForeignKey(v => v.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(v => v.Contacts).WithOne().HasForeignKey(c => c.VisitId);
        // An account's history newest first; a person's calendar and day; the department by date (with the person, so
        // "visits per person this month" is answered from the index alone).
        b.HasIndex(v => new { v.AccountId, v.Status, v.Date });
        b.HasIndex(v => new { v.UserId, v.Date });
        b.HasIndex(v => new { v.Date, v.Status, v.UserId });
    }
}

internal sealed class VisitContactConfiguration : IEntityTypeConfiguration<VisitContact>
{
    public void Configure(EntityTypeBuilder<VisitContact> b)
    {
        b.ToTable("VisitContacts");
        b.Property(c => c.Role).HasConversion<string>().HasMaxLength(16);
        b.HasKey(c => new { c.VisitId, c.ContactId, c.Role });
        b.HasIndex(c => c.ContactId);
        b.HasOne<Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DailyReportConfiguration : IEntityTypeConfiguration<DailyReport>
{
    public void Configure(EntityTypeBuilder<DailyReport> b)
    {
        b.ToTable("DailyReports");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.OtherWork).HasMaxLength(4000);
        b.Property(r => r.Problems).HasMaxLength(2000);
        b.Property(r => r.TomorrowPlan).HasMaxLength(2000);
        b.Property(r => r.ReviewComment).HasMaxLength(1000);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UserId, r.Date }).IsUnique();
        b.HasIndex(r => new { r.Date, r.Status });
    }
}

internal sealed class DaySummaryConfiguration : IEntityTypeConfiguration<DaySummary>
{
    public void Configure(EntityTypeBuilder<DaySummary> b)
    {
        b.ToTable("DaySummaries");
        b.Property(s => s.Text).HasMaxLength(8000).IsRequired();
        b.HasIndex(s => s.Date).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> b)
    {
        b.ToTable("Meetings");
        b.Property(m => m.Title).HasMaxLength(200).IsRequired();
        b.Property(m => m.Location).HasMaxLength(200);
        b.Property(m => m.OtherAttendees).HasMaxLength(500);
        b.Property(m => m.Agenda).HasMaxLength(4000);
        b.Property(m => m.Minutes).HasMaxLength(8000);
        b.Property(m => m.Decisions).HasMaxLength(4000);
        b.HasMany(m => m.Attendees).WithOne().HasForeignKey(a => a.MeetingId);
        b.HasIndex(m => new { m.ArchivedAt, m.At });
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> b)
    {
        b.ToTable("MeetingAttendees");
        b.HasKey(a => new { a.MeetingId, a.UserId });
        b.HasIndex(a => a.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> b)
    {
        b.ToTable("WorkItems");
        b.Property(w => w.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(w => w.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(w => w.Title).HasMaxLength(200).IsRequired();
        b.Property(w => w.Details).HasMaxLength(4000);
        b.Property(w => w.CancelReason).HasMaxLength(200);
        b.HasOne<User>().WithMany().HasForeignKey(w => w.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(w => w.AssignerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(w => w.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Meeting>().WithMany().HasForeignKey(w => w.MeetingId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(w => w.Notes).WithOne().HasForeignKey(n => n.WorkItemId);
        b.HasIndex(w => new { w.OwnerId, w.Status, w.DueOn });
        b.HasIndex(w => new { w.Status, w.DueOn });
        b.HasIndex(w => w.MeetingId);
        b.HasIndex(w => w.AccountId);
    }
}

internal sealed class WorkItemNoteConfiguration : IEntityTypeConfiguration<WorkItemNote>
{
    public void Configure(EntityTypeBuilder<WorkItemNote> b)
    {
        b.ToTable("WorkItemNotes");
        b.Property(n => n.Text).HasMaxLength(2000).IsRequired();
        b.HasIndex(n => new { n.WorkItemId, n.CreatedAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Kind).HasMaxLength(64).IsRequired();
        b.Property(n => n.Key).HasMaxLength(200).IsRequired();
        b.Property(n => n.Subject).HasMaxLength(200);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
        // "Once per occasion": the same key cannot reach the same person twice, whichever server writes it.
        b.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        b.HasIndex(n => n.EmailedAt);
    }
}
