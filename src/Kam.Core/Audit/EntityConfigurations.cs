using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditEntries");
        b.Property(e => e.EntityType).HasMaxLength(64).IsRequired();
        b.Property(e => e.EntityId).HasMaxLength(120).IsRequired();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Action).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.EntityType, e.EntityId, e.At });
        b.HasIndex(e => new { e.UserName, e.At });
        b.HasIndex(e => new { e.AccountId, e.At });
    }
}
