using Kam.Core.Accounts;
using Kam.Core.Contracts;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Orders;

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
        // An account's orders in the list's order, archive flag and sort keys in the index: a search by customer name
        // counts and sorts the orders of every matching account from the index, reading only the page's rows.
        b.HasIndex(o => new { o.AccountId, o.ArchivedAt, o.OrderedOn, o.Number });
        b.HasIndex(o => new { o.ContractId, o.Status });
        b.HasIndex(o => new { o.OwnerId, o.OrderedOn });
        b.HasIndex(o => new { o.Status, o.OrderedOn });
        b.HasIndex(o => o.OrderedOn);
        // The targets' drill-down: one person's credited records in a period.
        b.HasIndex(o => new { o.CreditedToId, o.ConfirmedOn });
        // A brand's or a series' orders of a period (the focus targets): confirmed, or cancelled, in it.
        b.HasIndex(o => o.ConfirmedOn);
        b.HasIndex(o => o.CancelledOn);
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
