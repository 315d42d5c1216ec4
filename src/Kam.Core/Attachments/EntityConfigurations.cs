using Kam.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Attachments;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Kam.Core.Attachments.Attachment>
{
    public void Configure(EntityTypeBuilder<Kam.Core.Attachments.Attachment> b)
    {
        b.ToTable("Attachments");
        b.Property(a => a.FileName).HasMaxLength(200).IsRequired();
        b.Property(a => a.ContentType).HasMaxLength(100).IsRequired();
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(a => a.StoredName).HasMaxLength(100).IsRequired();
        b.HasIndex(a => new { a.AccountId, a.CreatedAt });
        b.HasIndex(a => a.CaseId);
        b.HasOne<Account>().WithMany().HasForeignKey(a => a.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
