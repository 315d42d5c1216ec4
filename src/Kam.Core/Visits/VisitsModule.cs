using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Visits;

public sealed class VisitsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<VisitRules>().AddScoped<PlanVisit>().AddScoped<RecordVisit>().AddScoped<ListVisits>()
            .AddScoped<OverdueVisits>().AddScoped<ManageVisitPolicy>();
        services.AddScoped<ITimelineSource, VisitTimelineSource>();
        services.AddScoped<VisitPlansPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<VisitPlansPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<VisitPlansPart>());
    }
}
