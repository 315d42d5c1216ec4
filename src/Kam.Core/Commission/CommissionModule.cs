using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Commission;

public sealed class CommissionModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<CommissionSchemes>().AddScoped<CommissionSources>().AddScoped<CommissionRuns>().AddScoped<ExportPayout>().AddScoped<CommissionCalculator>().AddScoped<MyPerformance>();
        services.AddScoped<IApprovalDocument, CommissionSchemeApproval>();
        services.AddScoped<IApprovalDocument, RunApproval>();
    }
}
