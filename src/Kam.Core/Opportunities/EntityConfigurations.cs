using Kam.Core.Accounts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Opportunities;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.ToTable("Opportunities");
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.Products).HasMaxLength(500);
        b.Property(o => o.Stage).HasMaxLength(32).IsRequired();
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Competitors).HasMaxLength(500);
        b.Property(o => o.NextStep).HasMaxLength(500);
        b.Property(o => o.LostReason).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.AccountId, o.Status });
        // The targets' drill-down: one person's credited records in a period.
        b.HasIndex(o => new { o.CreditedToId, o.OpenedOn });
        b.HasIndex(o => new { o.OwnerId, o.Status, o.ExpectedSignOn });
        // The forecast and the board read open (and won) projects by month from these indexes alone.
        b.HasIndex(o => new { o.Status, o.ExpectedSignOn, o.OwnerId, o.ExpectedAmount, o.Probability, o.ArchivedAt });
        b.HasIndex(o => new { o.Status, o.Stage, o.Rank });
    }
}
