using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Appraisals;

public sealed class AppraisalsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<Schemes>().AddScoped<AppraisalFigures>().AddScoped<OpenAppraisals>().AddScoped<GetAppraisals>().AddScoped<AppraisalFlow>()
            .AddScoped<RewardsFaults>().AddScoped<AppraisalReminders>().AddScoped<ExportAppraisals>();
        services.AddScoped<IApprovalDocument, SchemeApproval>();
        services.AddScoped<IApprovalDocument, MonthApproval>();
        services.AddScoped<IApprovalDocument, RewardFaultApproval>();
    }
}
