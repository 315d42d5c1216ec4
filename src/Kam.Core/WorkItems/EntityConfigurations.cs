using Kam.Core.Accounts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.WorkItems;

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
