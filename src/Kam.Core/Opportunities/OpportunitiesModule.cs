using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Opportunities;

public static class OpportunitiesModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddOpportunities(this IServiceCollection services)
    {
        return services;
    }
}
