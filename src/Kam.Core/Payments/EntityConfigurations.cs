using Kam.Core.Accounts;
using Kam.Core.Contracts;
using Kam.Core.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Payments;

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
        b.Property(p => p.CreditShares).HasMaxLength(500);
        b.Property(p => p.Note).HasMaxLength(500);
        b.Property(p => p.ReversalReason).HasMaxLength(500);
        b.HasOne<Account>().WithMany().HasForeignKey(p => p.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Instalment>().WithMany().HasForeignKey(p => p.InstalmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(p => new { p.AccountId, p.ReceivedOn });
        b.HasIndex(p => p.InstalmentId);
        // The targets' drill-down: one person's credited records in a period.
        b.HasIndex(p => new { p.CreditedToId, p.ReceivedOn });
        b.HasIndex(p => new { p.OrderId, p.ReceivedOn });
        b.HasIndex(p => new { p.ContractId, p.ReceivedOn });
        // This month's and year's collections, summed from the index alone.
        b.HasIndex(p => new { p.ReceivedOn, p.AccountId, p.Amount, p.ReversedAt });
        // The payments reversed in a month (a commission run takes back what they earned): few, found without a scan.
        b.HasIndex(p => p.ReversedAt);
    }
}
