using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.DailyReports;

public sealed class ReportsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<CreateDailyReport>().AddScoped<UpdateDailyReport>().AddScoped<ReviewDailyReport>()
            .AddScoped<GetDailyReport>().AddScoped<ListDailyReports>().AddScoped<ReportSubmissions>().AddScoped<DaySummaries>();
    }
}
