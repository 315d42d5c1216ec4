using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Visits;

public static class VisitsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddVisits(this IServiceCollection services)
    {
        return services;
    }
}
