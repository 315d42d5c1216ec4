using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Approvals;

public static class ApprovalsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddScoped<ApprovalRules>().AddScoped<ApprovalEngine>().AddScoped<ApprovalAccess>().AddScoped<DecideApproval>()
            .AddScoped<WithdrawApproval>().AddScoped<DelegateApproval>().AddScoped<ListApprovals>().AddScoped<GetApproval>()
            .AddScoped<ManageApprovalRules>();
        return services;
    }
}
