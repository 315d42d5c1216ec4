using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Users;

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
