using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Contracts;

public static class ContractsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        return services;
    }
}
