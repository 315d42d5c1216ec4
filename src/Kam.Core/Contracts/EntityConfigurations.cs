using Kam.Core.Accounts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.ToTable("Contracts");
        b.Property(c => c.Number).HasMaxLength(40).IsRequired();
        b.Property(c => c.CreditShares).HasMaxLength(500);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Title).HasMaxLength(200).IsRequired();
        b.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        b.Property(c => c.PaymentTerms).HasMaxLength(1000);
        b.Property(c => c.Changes).HasMaxLength(2000);
        b.Property(c => c.OurSignatory).HasMaxLength(50);
        b.Property(c => c.CustomerSignatory).HasMaxLength(50);
        b.Property(c => c.TerminationReason).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.AccountId, c.Status });
        // The same for contracts, in the list's default order (latest first).
        b.HasIndex(c => new { c.AccountId, c.ArchivedAt, c.CreatedAt });
        b.HasIndex(c => new { c.OwnerId, c.Status, c.EffectiveEndOn });
        b.HasIndex(c => new { c.Status, c.EffectiveEndOn });
        b.HasIndex(c => c.CreatedAt);
        b.HasIndex(c => c.ParentId);
        // The targets' drill-down: one person's credited records in a period.
        b.HasIndex(c => new { c.CreditedToId, c.SignedOn });
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("NumberSequences");
        b.Property(s => s.Key).HasMaxLength(64).IsRequired();
        b.HasIndex(s => s.Key).IsUnique();
    }
}
