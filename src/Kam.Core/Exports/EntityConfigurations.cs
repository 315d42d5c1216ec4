using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Exports;

internal sealed class ExportLogConfiguration : IEntityTypeConfiguration<Kam.Core.Exports.ExportLog>
{
    public void Configure(EntityTypeBuilder<Kam.Core.Exports.ExportLog> b)
    {
        b.ToTable("ExportLogs");
        b.Property(e => e.Kind).HasMaxLength(32).IsRequired();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.HasIndex(e => e.CreatedAt);
    }
}
