using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Contracts;
using Kam.Core.Opportunities;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Infrastructure.Data;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> b)
    {
        b.ToTable("Opportunities");
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.Products).HasMaxLength(500);
        b.Property(o => o.Stage).HasMaxLength(32).IsRequired();
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Competitors).HasMaxLength(500);
        b.Property(o => o.NextStep).HasMaxLength(500);
        b.Property(o => o.LostReason).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(o => new { o.AccountId, o.Status });
        b.HasIndex(o => new { o.OwnerId, o.Status, o.ExpectedSignOn });
        // The forecast and the board read open (and won) projects by month from these indexes alone.
        b.HasIndex(o => new { o.Status, o.ExpectedSignOn, o.OwnerId, o.ExpectedAmount, o.Probability, o.ArchivedAt });
        b.HasIndex(o => new { o.Status, o.Stage, o.Rank });
    }
}

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

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.ToTable("Contracts");
        b.Property(c => c.Number).HasMaxLength(40).IsRequired();
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.Title).HasMaxLength(200).IsRequired();
        b.Property(c => c.Currency).HasMaxLength(3).IsRequired();
        b.Property(c => c.PaymentTerms).HasMaxLength(1000);
        b.Property(c => c.Changes).HasMaxLength(2000);
        b.Property(c => c.OurSignatory).HasMaxLength(50);
        b.Property(c => c.CustomerSignatory).HasMaxLength(50);
        b.Property(c => c.TerminationReason).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.Number).IsUnique();
        b.HasIndex(c => new { c.AccountId, c.Status });
        b.HasIndex(c => new { c.OwnerId, c.Status, c.EffectiveEndOn });
        b.HasIndex(c => new { c.Status, c.EffectiveEndOn });
        b.HasIndex(c => c.CreatedAt);
        b.HasIndex(c => c.ParentId);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("NumberSequences");
        b.Property(s => s.Key).HasMaxLength(64).IsRequired();
        b.HasIndex(s => s.Key).IsUnique();
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("Products");
        b.Property(p => p.Code).HasMaxLength(40).IsRequired();
        b.Property(p => p.Name).HasMaxLength(200).IsRequired();
        b.Property(p => p.Brand).HasMaxLength(100);
        b.Property(p => p.Series).HasMaxLength(100);
        b.Property(p => p.Unit).HasMaxLength(20).IsRequired();
        b.HasIndex(p => p.Code).IsUnique();
        b.HasIndex(p => new { p.IsActive, p.Name });
    }
}

internal sealed class OrderConfiguration : IEntityTypeConfiguration<Order>
{
    public void Configure(EntityTypeBuilder<Order> b)
    {
        b.ToTable("Orders");
        b.Property(o => o.Number).HasMaxLength(40).IsRequired();
        b.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.Approval).HasConversion<string>().HasMaxLength(16);
        b.Property(o => o.DeliveryAddress).HasMaxLength(300);
        b.Property(o => o.Note).HasMaxLength(1000);
        b.Property(o => o.CancelReason).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(o => o.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(o => o.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<User>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        b.HasIndex(o => o.Number).IsUnique();
        b.HasIndex(o => new { o.AccountId, o.OrderedOn });
        b.HasIndex(o => new { o.ContractId, o.Status });
        b.HasIndex(o => new { o.OwnerId, o.OrderedOn });
        b.HasIndex(o => new { o.Status, o.OrderedOn });
        b.HasIndex(o => o.OrderedOn);
    }
}

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> b)
    {
        b.ToTable("OrderLines");
        b.Property(l => l.ProductCode).HasMaxLength(40).IsRequired();
        b.Property(l => l.ProductName).HasMaxLength(200).IsRequired();
        b.Property(l => l.Unit).HasMaxLength(20).IsRequired();
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.Property(l => l.ShippedQuantity).HasPrecision(18, 3);
        b.Property(l => l.MakeUpApproved).HasPrecision(18, 3);
        b.Property(l => l.MakeUpShipped).HasPrecision(18, 3);
        b.Property(l => l.UnitPrice).HasPrecision(18, 4);
        b.Property(l => l.Discount).HasPrecision(5, 2);
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => new { l.OrderId, l.LineNo }).IsUnique();
        b.HasIndex(l => l.ProductId);
    }
}

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.ToTable("Shipments");
        b.Property(s => s.Number).HasMaxLength(40).IsRequired();
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.Reason).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.ReasonText).HasMaxLength(500);
        b.Property(s => s.Carrier).HasMaxLength(100);
        b.Property(s => s.TrackingNumber).HasMaxLength(100);
        b.HasOne<Order>().WithMany().HasForeignKey(s => s.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Shipment>().WithMany().HasForeignKey(s => s.OriginalShipmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Lines).WithOne().HasForeignKey(l => l.ShipmentId);
        b.HasIndex(s => s.Number).IsUnique();
        b.HasIndex(s => new { s.OrderId, s.CreatedAt });
        b.HasIndex(s => new { s.AccountId, s.ShippedOn });
        b.HasIndex(s => new { s.Status, s.ShippedOn });
    }
}

internal sealed class ShipmentLineConfiguration : IEntityTypeConfiguration<ShipmentLine>
{
    public void Configure(EntityTypeBuilder<ShipmentLine> b)
    {
        b.ToTable("ShipmentLines");
        b.HasKey(l => new { l.ShipmentId, l.OrderLineId });
        b.Property(l => l.Quantity).HasPrecision(18, 3);
        b.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(l => l.OrderLineId);
    }
}

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> b)
    {
        b.ToTable("Instalments");
        b.Property(i => i.Note).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(i => i.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Order>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.ContractId, i.No });
        b.HasIndex(i => i.OrderId);
        // Receivables and aging read only what is still open, by due date (with the amounts, from the index alone).
        b.HasIndex(i => new { i.Settled, i.DueOn, i.AccountId, i.Amount, i.Collected });
        b.HasIndex(i => new { i.AccountId, i.Settled, i.DueOn });
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> b)
    {
        b.ToTable("Payments");
        b.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.Reference).HasMaxLength(100);
        b.Property(p => p.Note).HasMaxLength(500);
        b.Property(p => p.ReversalReason).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Instalment>().WithMany().HasForeignKey(p => p.InstalmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.AccountId, p.ReceivedOn });
        b.HasIndex(p => p.InstalmentId);
        b.HasIndex(p => new { p.OrderId, p.ReceivedOn });
        b.HasIndex(p => new { p.ContractId, p.ReceivedOn });
        // This month's and year's collections, summed from the index alone.
        b.HasIndex(p => new { p.ReceivedOn, p.AccountId, p.Amount, p.ReversedAt });
    }
}
