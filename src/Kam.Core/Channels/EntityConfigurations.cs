using Kam.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Channels;

internal sealed class ChannelAgentConfiguration : IEntityTypeConfiguration<Kam.Core.Channels.ChannelAgent>
{
    public void Configure(EntityTypeBuilder<Kam.Core.Channels.ChannelAgent> b)
    {
        b.ToTable("ChannelAgents");
        b.Property(a => a.Name).HasMaxLength(200).IsRequired();
        b.Property(a => a.Territory).HasMaxLength(1000);
        b.Property(a => a.AgreementNo).HasMaxLength(50);
        b.Property(a => a.ContactPerson).HasMaxLength(50);
        b.Property(a => a.ContactPhone).HasMaxLength(30);
        b.Property(a => a.Notes).HasMaxLength(2000);
        b.HasIndex(a => a.Name);
    }
}

internal sealed class AgentAccountConfiguration : IEntityTypeConfiguration<Kam.Core.Channels.AgentAccount>
{
    public void Configure(EntityTypeBuilder<Kam.Core.Channels.AgentAccount> b)
    {
        b.ToTable("AgentAccounts");
        b.HasKey(x => new { x.AgentId, x.AccountId });
        b.HasIndex(x => x.AccountId);
        b.HasOne<Kam.Core.Channels.ChannelAgent>().WithMany().HasForeignKey(x => x.AgentId);
        b.HasOne<Account>().WithMany().HasForeignKey(x => x.AccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
