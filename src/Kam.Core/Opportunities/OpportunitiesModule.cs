using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Opportunities;

public sealed class OpportunitiesModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<OpportunityRules>().AddScoped<SaveOpportunity>().AddScoped<MoveOpportunity>().AddScoped<ArchiveOpportunity>()
            .AddScoped<ListOpportunities>().AddScoped<GetPipeline>().AddScoped<OpportunityForecast>().AddScoped<ExportOpportunities>()
            .AddScoped<ManageOpportunityStages>();
        services.AddScoped<ITimelineSource, OpportunityTimelineSource>();
        services.AddScoped<OpportunityHandoverPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<OpportunityHandoverPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<OpportunityHandoverPart>());
    }
}
