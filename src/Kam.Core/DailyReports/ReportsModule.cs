using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.DailyReports;

public static class ReportsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddDailyReports(this IServiceCollection services)
    {
        services.AddScoped<CreateDailyReport>().AddScoped<UpdateDailyReport>().AddScoped<ReviewDailyReport>()
            .AddScoped<GetDailyReport>().AddScoped<ListDailyReports>().AddScoped<ReportSubmissions>().AddScoped<DaySummaries>();
        return services;
    }
}
