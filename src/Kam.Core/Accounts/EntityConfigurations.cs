using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Accounts;

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>
{
    public void Configure(EntityTypeBuilder<Account> b)
    {
        b.ToTable("Accounts");
        b.Property(a => a.Name).HasMaxLength(200).IsRequired();
        b.Property(a => a.NormalizedName).HasMaxLength(200).IsRequired();
        b.Property(a => a.ShortName).HasMaxLength(50);
        b.Property(a => a.CreditCode).HasMaxLength(18);
        b.Property(a => a.CreditCodeNote).HasMaxLength(200);
        b.Property(a => a.Category).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Tier).HasConversion<string>().HasMaxLength(1);
        b.Property(a => a.ComputedTier).HasConversion<string>().HasMaxLength(1);
        b.Property(a => a.TierOverride).HasConversion<string>().HasMaxLength(1);
        b.Property(a => a.TierRule).HasMaxLength(200);
        b.Property(a => a.TierOverrideReason).HasMaxLength(200);
        b.Property(a => a.Industry).HasMaxLength(50);
        b.Property(a => a.ProvinceCode).HasMaxLength(12);
        b.Property(a => a.CityCode).HasMaxLength(12);
        b.Property(a => a.DistrictCode).HasMaxLength(12);
        b.Property(a => a.Address).HasMaxLength(200);
        b.Property(a => a.Website).HasMaxLength(200);
        b.Property(a => a.Brands).HasMaxLength(200);
        b.Property(a => a.Source).HasMaxLength(50);
        b.Property(a => a.Tags).HasMaxLength(200);
        b.Property(a => a.Notes).HasMaxLength(2000);
        b.Property(a => a.SearchText).IsRequired();
        b.HasMany(a => a.Members).WithOne().HasForeignKey(m => m.AccountId);
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Kam.Core.Users.User>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(a => a.NormalizedName);
        b.HasIndex(a => a.CreditCode);
        // The targets' drill-down: one person's credited records in a period.
        b.HasIndex(a => new { a.CreditedToId, a.BecameActiveOn });
        // The list's shapes: a manager's own book by owner, everyone's by the archive flag; both in the default
        // order (latest change first) and by name. Search reads only the narrow (ArchivedAt, SearchText) index.
        b.HasIndex(a => new { a.OwnerId, a.ArchivedAt, a.UpdatedAt });
        b.HasIndex(a => new { a.ArchivedAt, a.UpdatedAt });
        b.HasIndex(a => new { a.ArchivedAt, a.Name });
        b.HasIndex(a => new { a.ArchivedAt, a.SearchText });
        b.HasIndex(a => new { a.Tier, a.Name });
        b.HasIndex(a => a.ProvinceCode);
        // Overdue visits: a manager's own book and everyone's, both in the order the visit clock started.
        b.HasIndex(a => new { a.OwnerId, a.ArchivedAt, a.VisitDueBase });
        b.HasIndex(a => new { a.ArchivedAt, a.VisitDueBase });
        // Overdue and due-soon, one tier at a time, counted and grouped by owner from the index alone.
        b.HasIndex(a => new { a.Tier, a.ArchivedAt, a.VisitDueBase, a.Status, a.OwnerId });
    }
}

internal sealed class AccountMemberConfiguration : IEntityTypeConfiguration<AccountMember>
{
    public void Configure(EntityTypeBuilder<AccountMember> b)
    {
        b.ToTable("AccountMembers");
        b.HasKey(m => new { m.AccountId, m.UserId });
        b.HasIndex(m => new { m.UserId, m.AccountId });
        b.HasOne<Kam.Core.Users.User>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> b)
    {
        b.ToTable("Contacts");
        b.Property(c => c.Name).HasMaxLength(50).IsRequired();
        b.Property(c => c.Title).HasMaxLength(50);
        b.Property(c => c.Department).HasMaxLength(50);
        b.Property(c => c.Mobile).HasMaxLength(20);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.Email).HasMaxLength(100);
        b.Property(c => c.DecisionRole).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Attitude).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Preferences).HasMaxLength(500);
        b.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contact>().WithMany().HasForeignKey(c => c.ReportsToId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.AccountId, c.Name });
        b.HasIndex(c => c.Mobile);
    }
}
