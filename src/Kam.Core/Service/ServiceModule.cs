using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Service;

public sealed class ServiceModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<WorkCalendars>().AddScoped<ServicePolicies>().AddScoped<SaveCase>().AddScoped<CaseFlow>().AddScoped<GetCases>()
            .AddScoped<CaseStats>().AddScoped<ExportCases>().AddScoped<ServiceReminders>().AddScoped<GetServiceDesk>()
            .AddScoped<SurveyTemplates>().AddScoped<FollowUps>().AddScoped<FollowUpScheduler>().AddScoped<Satisfaction>().AddScoped<ExportFollowUps>();
        services.AddScoped<ITimelineSource, CaseTimelineSource>();
        services.AddScoped<CaseHandoverPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<CaseHandoverPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<CaseHandoverPart>());
        services.AddScoped<FollowUpHandoverPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<FollowUpHandoverPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<FollowUpHandoverPart>());
    }
}
