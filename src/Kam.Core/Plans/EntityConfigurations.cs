using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Plans;

internal sealed class WorkPlanConfiguration : IEntityTypeConfiguration<WorkPlan>
{
    public void Configure(EntityTypeBuilder<WorkPlan> b)
    {
        b.ToTable("WorkPlans");
        b.Property(p => p.Period).HasMaxLength(8).IsRequired();
        b.Property(p => p.Title).HasMaxLength(200).IsRequired();
        b.Property(p => p.Summary).HasMaxLength(4000);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        // One plan per period and revision: two revisions started at once end in one and a 409.
        b.HasIndex(p => new { p.Period, p.Revision }).IsUnique();
    }
}

internal sealed class WorkPlanItemConfiguration : IEntityTypeConfiguration<WorkPlanItem>
{
    public void Configure(EntityTypeBuilder<WorkPlanItem> b)
    {
        b.ToTable("WorkPlanItems");
        b.Property(i => i.Text).HasMaxLength(500).IsRequired();
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<WorkPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.PlanId, i.Order });
    }
}

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.ToTable("ActionPlans");
        b.Property(p => p.Comment).HasMaxLength(2000);
        b.HasOne<User>().WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        // One plan a person and month: two first saves at once end in one plan and a 409.
        b.HasIndex(p => new { p.PersonId, p.Month }).IsUnique();
        b.HasIndex(p => p.Month);
    }
}

internal sealed class ActionPlanItemConfiguration : IEntityTypeConfiguration<ActionPlanItem>
{
    public void Configure(EntityTypeBuilder<ActionPlanItem> b)
    {
        b.ToTable("ActionPlanItems");
        b.Property(i => i.Text).HasMaxLength(500).IsRequired();
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.PlanId, i.Order });
    }
}
