using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Appraisals;

internal sealed class AppraisalSchemeConfiguration : IEntityTypeConfiguration<AppraisalScheme>
{
    public void Configure(EntityTypeBuilder<AppraisalScheme> b)
    {
        b.ToTable("AppraisalSchemes");
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.Role).HasMaxLength(32).IsRequired();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Definition).HasMaxLength(20000).IsRequired();
        // One revision number per role: two revisions started at once end in one and a 409.
        b.HasIndex(s => new { s.Role, s.Revision }).IsUnique();
    }
}

internal sealed class AppraisalConfiguration : IEntityTypeConfiguration<Appraisal>
{
    public void Configure(EntityTypeBuilder<Appraisal> b)
    {
        b.ToTable("Appraisals");
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Items).HasMaxLength(20000).IsRequired();
        b.Property(a => a.Bonus).HasPrecision(9, 2);
        b.Property(a => a.Deduction).HasPrecision(9, 2);
        b.Property(a => a.Total).HasPrecision(9, 2);
        b.Property(a => a.Coefficient).HasPrecision(9, 4);
        b.Property(a => a.Grade).HasMaxLength(8);
        b.Property(a => a.SelfAssessment).HasMaxLength(4000);
        b.Property(a => a.Suggestions).HasMaxLength(4000);
        b.Property(a => a.HeadComment).HasMaxLength(4000);
        b.Property(a => a.AppealItem).HasMaxLength(40);
        b.Property(a => a.AppealReason).HasMaxLength(2000);
        b.Property(a => a.AppealAnswer).HasMaxLength(2000);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AppraisalScheme>().WithMany().HasForeignKey(a => a.SchemeId).OnDelete(DeleteBehavior.Restrict);
        // One sheet a person and month: two openings at once end in one sheet.
        b.HasIndex(a => new { a.PersonId, a.Month }).IsUnique();
        b.HasIndex(a => new { a.Month, a.Status });
    }
}

internal sealed class AppraisalRoundConfiguration : IEntityTypeConfiguration<AppraisalRound>
{
    public void Configure(EntityTypeBuilder<AppraisalRound> b)
    {
        b.ToTable("AppraisalRounds");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(r => r.Month).IsUnique();
    }
}

internal sealed class RewardFaultConfiguration : IEntityTypeConfiguration<RewardFault>
{
    public void Configure(EntityTypeBuilder<RewardFault> b)
    {
        b.ToTable("RewardsFaults");
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Title).HasMaxLength(200).IsRequired();
        b.Property(r => r.Description).HasMaxLength(4000).IsRequired();
        b.Property(r => r.Points).HasPrecision(9, 2);
        b.Property(r => r.Amount).HasPrecision(18, 2);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.Month, r.Status });
        b.HasIndex(r => r.PersonId);
    }
}
