using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Common;

internal sealed class SettingConfiguration : IEntityTypeConfiguration<Kam.Core.Common.Setting>
{
    public void Configure(EntityTypeBuilder<Kam.Core.Common.Setting> b)
    {
        b.ToTable("Settings");
        b.Property(s => s.Key).HasMaxLength(64).IsRequired();
        b.HasIndex(s => s.Key).IsUnique();
    }
}
