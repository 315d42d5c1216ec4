using Kam.Core.Audit;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Infrastructure.Data;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(50).IsRequired();
        b.Property(u => u.Department).HasMaxLength(64);
        b.Property(u => u.Region).HasMaxLength(64);
        b.Property(u => u.Culture).HasMaxLength(10);
        b.HasIndex(u => u.IsActive);
    }
}

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Kam.Core.Common.Setting>
{
    public void Configure(EntityTypeBuilder<Kam.Core.Common.Setting> b)
    {
        b.ToTable("Settings");
        b.Property(s => s.Key).HasMaxLength(64).IsRequired();
        b.HasIndex(s => s.Key).IsUnique();
    }
}

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
