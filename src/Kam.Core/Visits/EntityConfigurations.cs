using Kam.Core.Accounts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Visits;

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
