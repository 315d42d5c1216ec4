using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Approvals;

public sealed class ApprovalsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<ApprovalRules>().AddScoped<ApprovalEngine>().AddScoped<ApprovalAccess>().AddScoped<DecideApproval>()
            .AddScoped<WithdrawApproval>().AddScoped<DelegateApproval>().AddScoped<ListApprovals>().AddScoped<GetApproval>()
            .AddScoped<ManageApprovalRules>();
    }
}
