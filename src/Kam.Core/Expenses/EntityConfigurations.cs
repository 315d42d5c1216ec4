using Kam.Core.Accounts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Expenses;

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<Budget>
{
    public void Configure(EntityTypeBuilder<Budget> b)
    {
        b.ToTable("Budgets");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Total).HasPrecision(18, 2);
        b.Property(x => x.Note).HasMaxLength(2000);
        // One budget a year: two first drafts saved at once end in one and a 409.
        b.HasIndex(x => x.Year).IsUnique();
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTable("BudgetLines");
        b.Property(x => x.Category).HasMaxLength(32).IsRequired();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasOne<Budget>().WithMany().HasForeignKey(x => x.BudgetId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BudgetId, x.Category, x.Month, x.PersonId });
        b.HasIndex(x => new { x.PersonId, x.BudgetId });
        b.HasIndex(x => x.Category);
    }
}

internal sealed class BudgetAdjustmentConfiguration : IEntityTypeConfiguration<BudgetAdjustment>
{
    public void Configure(EntityTypeBuilder<BudgetAdjustment> b)
    {
        b.ToTable("BudgetAdjustments");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Net).HasPrecision(18, 2);
        b.HasOne<Budget>().WithMany().HasForeignKey(x => x.BudgetId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.BudgetId, x.CreatedAt });
    }
}

internal sealed class BudgetAdjustmentLineConfiguration : IEntityTypeConfiguration<BudgetAdjustmentLine>
{
    public void Configure(EntityTypeBuilder<BudgetAdjustmentLine> b)
    {
        b.ToTable("BudgetAdjustmentLines");
        b.Property(x => x.Category).HasMaxLength(32).IsRequired();
        b.Property(x => x.Delta).HasPrecision(18, 2);
        b.HasOne<BudgetAdjustment>().WithMany().HasForeignKey(x => x.AdjustmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.AdjustmentId);
    }
}

internal sealed class BudgetUsageConfiguration : IEntityTypeConfiguration<BudgetUsage>
{
    public void Configure(EntityTypeBuilder<BudgetUsage> b)
    {
        b.ToTable("BudgetUsages");
        b.Property(x => x.Category).HasMaxLength(32).IsRequired();
        b.Property(x => x.Committed).HasPrecision(18, 2);
        b.Property(x => x.Used).HasPrecision(18, 2);
        // One cell per year, month, category and person: two first claims of a cell at once end in one and a 409.
        b.HasIndex(x => new { x.Year, x.Month, x.Category, x.PersonId }).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.Year });
    }
}

internal sealed class ExpenseClaimConfiguration : IEntityTypeConfiguration<ExpenseClaim>
{
    public void Configure(EntityTypeBuilder<ExpenseClaim> b)
    {
        b.ToTable("ExpenseClaims");
        b.Property(x => x.Number).HasMaxLength(20).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Total).HasPrecision(18, 2);
        b.Property(x => x.Justification).HasMaxLength(1000);
        b.Property(x => x.Warnings).HasMaxLength(1000);
        b.Property(x => x.PaymentReference).HasMaxLength(100);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.ClaimantId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Number).IsUnique();
        // The list: newest first, for everyone or for one claimant, and by status (waiting for payment).
        b.HasIndex(x => x.CreatedAt);
        b.HasIndex(x => new { x.ClaimantId, x.CreatedAt });
        b.HasIndex(x => new { x.Status, x.CreatedAt });
    }
}

internal sealed class ExpenseLineConfiguration : IEntityTypeConfiguration<ExpenseLine>
{
    public void Configure(EntityTypeBuilder<ExpenseLine> b)
    {
        b.ToTable("ExpenseLines");
        b.Property(x => x.Category).HasMaxLength(32).IsRequired();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.Description).HasMaxLength(500).IsRequired();
        b.Property(x => x.InvoiceNumber).HasMaxLength(20);
        b.Property(x => x.InvoiceCode).HasMaxLength(12);
        b.Property(x => x.City).HasMaxLength(50);
        b.HasOne<ExpenseClaim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ClaimId, x.Order });
        b.HasIndex(x => new { x.AccountId, x.Date });
        b.HasIndex(x => new { x.ClaimantId, x.Date, x.Category });
        b.HasIndex(x => x.Category);
        b.HasIndex(x => x.ActivityId);
    }
}

internal sealed class ExpenseReceiptConfiguration : IEntityTypeConfiguration<ExpenseReceipt>
{
    public void Configure(EntityTypeBuilder<ExpenseReceipt> b)
    {
        b.ToTable("ExpenseReceipts");
        b.Property(x => x.FileName).HasMaxLength(200).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        b.Property(x => x.StoredName).HasMaxLength(300).IsRequired();
        b.HasOne<ExpenseClaim>().WithMany().HasForeignKey(x => x.ClaimId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ClaimId);
    }
}

internal sealed class InvoiceRegistrationConfiguration : IEntityTypeConfiguration<InvoiceRegistration>
{
    public void Configure(EntityTypeBuilder<InvoiceRegistration> b)
    {
        b.ToTable("InvoiceRegistrations");
        b.Property(x => x.Key).HasMaxLength(40).IsRequired();
        b.HasIndex(x => x.Key).IsUnique();
        b.HasIndex(x => x.ClaimId);
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("Activities");
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Purpose).HasMaxLength(2000).IsRequired();
        b.Property(x => x.Audience).HasMaxLength(500);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Outcome).HasMaxLength(4000);
        b.Property(x => x.PlannedTotal).HasPrecision(18, 2);
        b.HasOne<User>().WithMany().HasForeignKey(x => x.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.Date);
        b.HasIndex(x => new { x.Status, x.Date });
    }
}

internal sealed class ActivityAccountConfiguration : IEntityTypeConfiguration<ActivityAccount>
{
    public void Configure(EntityTypeBuilder<ActivityAccount> b)
    {
        b.ToTable("ActivityAccounts");
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ActivityId, x.AccountId }).IsUnique();
        b.HasIndex(x => x.AccountId);
    }
}

internal sealed class ActivityCostConfiguration : IEntityTypeConfiguration<ActivityCost>
{
    public void Configure(EntityTypeBuilder<ActivityCost> b)
    {
        b.ToTable("ActivityCosts");
        b.Property(x => x.Category).HasMaxLength(32).IsRequired();
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ActivityId);
    }
}

internal sealed class ActivityOpportunityConfiguration : IEntityTypeConfiguration<ActivityOpportunity>
{
    public void Configure(EntityTypeBuilder<ActivityOpportunity> b)
    {
        b.ToTable("ActivityOpportunities");
        b.HasOne<Activity>().WithMany().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.ActivityId, x.OpportunityId }).IsUnique();
    }
}
