using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Plans;

public sealed class PlansModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<GetPlans>().AddScoped<SavePlan>().AddScoped<SubmitPlan>().AddScoped<ActionPlans>();
        services.AddScoped<IApprovalDocument, PlanApproval>();
    }
}
