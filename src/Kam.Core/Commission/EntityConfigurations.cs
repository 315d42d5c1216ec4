using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Commission;

internal sealed class CommissionSchemeConfiguration : IEntityTypeConfiguration<CommissionScheme>
{
    public void Configure(EntityTypeBuilder<CommissionScheme> b)
    {
        b.ToTable("CommissionSchemes");
        b.Property(s => s.Name).HasMaxLength(200).IsRequired();
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Definition).HasMaxLength(20000).IsRequired();
        b.HasIndex(s => s.Revision).IsUnique();
    }
}

internal sealed class CommissionRunConfiguration : IEntityTypeConfiguration<CommissionRun>
{
    public void Configure(EntityTypeBuilder<CommissionRun> b)
    {
        b.ToTable("CommissionRuns");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Total).HasPrecision(18, 2);
        b.HasOne<CommissionScheme>().WithMany().HasForeignKey(r => r.SchemeId).OnDelete(DeleteBehavior.Restrict);
        // One version number a month: two reruns at once end in one and a 409.
        b.HasIndex(r => new { r.Month, r.Number }).IsUnique();
    }
}

internal sealed class CommissionStatementConfiguration : IEntityTypeConfiguration<CommissionStatement>
{
    public void Configure(EntityTypeBuilder<CommissionStatement> b)
    {
        b.ToTable("CommissionStatements");
        foreach (var p in new[] { "Base", "Target", "Subtotal", "Held", "Released", "Clawback", "Total" })
            b.Property(p).HasPrecision(18, 2);
        b.Property(s => s.Coefficient).HasPrecision(9, 4);
        b.Property(s => s.Grade).HasMaxLength(8);
        b.HasOne<CommissionRun>().WithMany().HasForeignKey(s => s.RunId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.RunId, s.PersonId }).IsUnique();
        b.HasIndex(s => s.PersonId);
    }
}

internal sealed class CommissionLineConfiguration : IEntityTypeConfiguration<CommissionLine>
{
    public void Configure(EntityTypeBuilder<CommissionLine> b)
    {
        b.ToTable("CommissionLines");
        b.Property(l => l.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(l => l.Reference).HasMaxLength(60);
        b.Property(l => l.BaseAmount).HasPrecision(18, 2);
        b.Property(l => l.Rate).HasPrecision(9, 4);
        b.Property(l => l.Amount).HasPrecision(18, 2);
        b.Property(l => l.Explain).HasMaxLength(1000).IsRequired();
        b.HasOne<CommissionStatement>().WithMany().HasForeignKey(l => l.StatementId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.StatementId, l.Order });
        // A person's lines of a payment (a clawback), and their holds waiting (a release).
        b.HasIndex(l => new { l.PersonId, l.Kind, l.SourceId });
        b.HasIndex(l => l.SourceId);
    }
}

internal sealed class CommissionQuestionConfiguration : IEntityTypeConfiguration<CommissionQuestion>
{
    public void Configure(EntityTypeBuilder<CommissionQuestion> b)
    {
        b.ToTable("CommissionQuestions");
        b.Property(q => q.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(q => q.Text).HasMaxLength(2000).IsRequired();
        b.Property(q => q.Answer).HasMaxLength(2000);
        b.HasOne<CommissionStatement>().WithMany().HasForeignKey(q => q.StatementId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(q => q.StatementId);
        b.HasIndex(q => new { q.Status, q.CreatedAt });
    }
}
