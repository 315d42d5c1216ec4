using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.DailyReports;

internal sealed class DailyReportConfiguration : IEntityTypeConfiguration<DailyReport>
{
    public void Configure(EntityTypeBuilder<DailyReport> b)
    {
        b.ToTable("DailyReports");
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.OtherWork).HasMaxLength(4000);
        b.Property(r => r.Problems).HasMaxLength(2000);
        b.Property(r => r.TomorrowPlan).HasMaxLength(2000);
        b.Property(r => r.ReviewComment).HasMaxLength(1000);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.UserId, r.Date }).IsUnique();
        b.HasIndex(r => new { r.Date, r.Status });
    }
}

internal sealed class DaySummaryConfiguration : IEntityTypeConfiguration<DaySummary>
{
    public void Configure(EntityTypeBuilder<DaySummary> b)
    {
        b.ToTable("DaySummaries");
        b.Property(s => s.Text).HasMaxLength(8000).IsRequired();
        b.HasIndex(s => s.Date).IsUnique();
    }
}
