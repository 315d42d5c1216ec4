using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Approvals;

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> b)
    {
        b.ToTable("ApprovalRequests");
        b.Property(r => r.DocumentType).HasMaxLength(32).IsRequired();
        b.Property(r => r.Title).HasMaxLength(300).IsRequired();
        b.Property(r => r.Note).HasMaxLength(1000);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.SubmitterId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RequestId);
        b.HasIndex(r => new { r.DocumentType, r.DocumentId });
        b.HasIndex(r => new { r.SubmitterId, r.SubmittedAt });
        b.HasIndex(r => new { r.Status, r.SubmittedAt });
    }
}

internal sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> b)
    {
        b.ToTable("ApprovalSteps");
        b.Property(s => s.ApproverRole).HasMaxLength(32).IsRequired();
        b.Property(s => s.Reason).HasMaxLength(64).IsRequired();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Comment).HasMaxLength(1000);
        b.HasIndex(s => new { s.RequestId, s.Order }).IsUnique();
        b.HasIndex(s => new { s.Status, s.ApproverRole });
        b.HasIndex(s => new { s.DelegateId, s.Status });
        b.HasIndex(s => new { s.DeciderId, s.DecidedAt });
    }
}
