using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Audit;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.DailyReports;
using Kam.Core.Handovers;
using Kam.Core.Notifications;
using Kam.Core.Opportunities;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core;

public static class KamCore
{
    /// <summary>Registers every use case handler and validator of the core.</summary>
    public static IServiceCollection AddKamCore(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(KamCore).Assembly, includeInternalTypes: true);
        services.AddScoped<ListUsers>().AddScoped<GetUser>().AddScoped<CreateUser>().AddScoped<UpdateUser>()
            .AddScoped<DeactivateUser>().AddScoped<ReactivateUser>().AddScoped<ResetPassword>().AddScoped<ChangePassword>()
            .AddScoped<ListAuditEntries>();
        services.AddSingleton<Divisions>();
        services.AddScoped<Settings>().AddScoped<AccountRules>().AddScoped<CreateAccount>().AddScoped<UpdateAccount>()
            .AddScoped<GetAccount>().AddScoped<ListAccounts>().AddScoped<ArchiveAccount>().AddScoped<SetAccountTeam>()
            .AddScoped<OverrideTier>().AddScoped<ManageTierPolicy>().AddScoped<Contacts>().AddScoped<AccountHistory>()
            .AddScoped<HandOverAccounts>().AddScoped<ExportAccounts>().AddScoped<ImportAccounts>()
            .AddScoped<Channels.ChannelAgents>().AddScoped<Attachments.AccountAttachments>()
            .AddScoped<Timeline.AccountTimeline>().AddScoped<Timeline.ITimelineSource, Timeline.ArchiveTimelineSource>();
        services.AddScoped<OwnedAccountsPart>().AddScoped<TeamMembershipsPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<OwnedAccountsPart>());
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<TeamMembershipsPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<OwnedAccountsPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<TeamMembershipsPart>());
        services.AddVisits();
        services.AddDailyReports();
        services.AddWorkItems();
        services.AddNotifications();
        services.AddScoped<Workbench.GetWorkbench>().AddScoped<Workbench.GetDealsDesk>();
        services.AddApprovals();
        services.AddOpportunities();
        services.AddContracts();
        services.AddOrders();
        services.AddPayments();
        return services;
    }
}
