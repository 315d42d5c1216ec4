using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Payments;

public static class PaymentsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        return services;
    }
}
