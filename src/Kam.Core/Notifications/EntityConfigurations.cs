using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Notifications;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.Property(n => n.Kind).HasMaxLength(64).IsRequired();
        b.Property(n => n.Key).HasMaxLength(200).IsRequired();
        b.Property(n => n.Subject).HasMaxLength(200);
        b.Property(n => n.Link).HasMaxLength(300);
        b.HasOne<User>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Restrict);
        // "Once per occasion": the same key cannot reach the same person twice, whichever server writes it.
        b.HasIndex(n => new { n.UserId, n.Key }).IsUnique();
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.CreatedAt });
        b.HasIndex(n => n.EmailedAt);
    }
}
