using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Orders;

public static class OrdersModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        return services;
    }
}
