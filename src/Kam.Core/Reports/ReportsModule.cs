using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Reports;

public static class ReportsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddDailyReports(this IServiceCollection services)
    {
        return services;
    }
}
