using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Handovers;

internal sealed class HandoverConfiguration : IEntityTypeConfiguration<Kam.Core.Handovers.Handover>
{
    public void Configure(EntityTypeBuilder<Kam.Core.Handovers.Handover> b)
    {
        b.ToTable("Handovers");
        b.Property(h => h.Note).HasMaxLength(500);
        b.HasIndex(h => h.CreatedAt);
    }
}
