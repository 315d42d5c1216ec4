using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.WorkItems;

public static class WorkItemsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddWorkItems(this IServiceCollection services)
    {
        return services;
    }
}
