using Kam.Core.Attachments;
using Kam.Core.Channels;
using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Accounts;

public sealed class AccountsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<Divisions>();
        services.AddScoped<AccountRules>().AddScoped<CreateAccount>().AddScoped<UpdateAccount>()
            .AddScoped<GetAccount>().AddScoped<ListAccounts>().AddScoped<ArchiveAccount>().AddScoped<SetAccountTeam>()
            .AddScoped<OverrideTier>().AddScoped<ManageTierPolicy>().AddScoped<Contacts>().AddScoped<AccountHistory>()
            .AddScoped<HandOverAccounts>().AddScoped<ExportAccounts>().AddScoped<ImportAccounts>()
            .AddScoped<ChannelAgents>().AddScoped<AccountAttachments>()
            .AddScoped<AccountTimeline>().AddScoped<ITimelineSource, ArchiveTimelineSource>();
        services.AddScoped<OwnedAccountsPart>().AddScoped<TeamMembershipsPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<OwnedAccountsPart>());
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<TeamMembershipsPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<OwnedAccountsPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<TeamMembershipsPart>());
    }
}
