using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Targets;

internal sealed class TargetSheetConfiguration : IEntityTypeConfiguration<TargetSheet>
{
    public void Configure(EntityTypeBuilder<TargetSheet> b)
    {
        b.ToTable("TargetSheets");
        b.Property(s => s.Metric).HasConversion<string>().HasMaxLength(24);
        b.Property(s => s.Minimum).HasPrecision(18, 2);
        b.Property(s => s.Target).HasPrecision(18, 2);
        b.Property(s => s.Challenge).HasPrecision(18, 2);
        // One sheet per metric and month: two heads saving a new breakdown at once end in one sheet and a 409.
        b.HasIndex(s => new { s.Month, s.Metric }).IsUnique();
    }
}

internal sealed class TargetLineConfiguration : IEntityTypeConfiguration<TargetLine>
{
    public void Configure(EntityTypeBuilder<TargetLine> b)
    {
        b.ToTable("TargetLines");
        b.Property(l => l.Minimum).HasPrecision(18, 2);
        b.Property(l => l.Target).HasPrecision(18, 2);
        b.Property(l => l.Challenge).HasPrecision(18, 2);
        b.HasOne<TargetSheet>().WithMany().HasForeignKey(l => l.SheetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.SheetId, l.PersonId }).IsUnique();
        b.HasIndex(l => l.PersonId);
    }
}

internal sealed class CreditSplitConfiguration : IEntityTypeConfiguration<CreditSplit>
{
    public void Configure(EntityTypeBuilder<CreditSplit> b)
    {
        b.ToTable("CreditSplits");
        b.Property(s => s.Document).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Shares).HasMaxLength(500).IsRequired();
        b.Property(s => s.Reason).HasMaxLength(500).IsRequired();
        b.HasIndex(s => new { s.Document, s.DocumentId });
        b.HasIndex(s => s.AccountId);
    }
}

internal sealed class TargetFocusConfiguration : IEntityTypeConfiguration<TargetFocus>
{
    public void Configure(EntityTypeBuilder<TargetFocus> b)
    {
        b.ToTable("TargetFocuses");
        b.Property(f => f.Metric).HasConversion<string>().HasMaxLength(24);
        b.Property(f => f.Dimension).HasConversion<string>().HasMaxLength(16);
        b.Property(f => f.Value).HasMaxLength(100).IsRequired();
        b.Property(f => f.Minimum).HasPrecision(18, 2);
        b.Property(f => f.Target).HasPrecision(18, 2);
        b.Property(f => f.Challenge).HasPrecision(18, 2);
        // One live focus target per month, metric, dimension and value (archived ones stay beside it).
        b.HasIndex(f => new { f.Month, f.Metric, f.Dimension, f.Value }).IsUnique().HasFilter("\"ArchivedAt\" IS NULL");
    }
}
