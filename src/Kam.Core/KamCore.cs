using FluentValidation;
using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core;

public static class KamCore
{
    /// <summary>
    /// Registers every validator of the core and every capability's <see cref="IKamModule"/>, found by reflection
    /// (in name order, so the registrations are the same on every start).
    /// </summary>
    public static IServiceCollection AddKamCore(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(KamCore).Assembly, includeInternalTypes: true);
        foreach (var module in Modules())
            module.Register(services);
        return services;
    }

    /// <summary>The capabilities' modules, in name order.</summary>
    public static IEnumerable<IKamModule> Modules() =>
        typeof(KamCore).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IKamModule).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IKamModule)Activator.CreateInstance(t)!);
}
