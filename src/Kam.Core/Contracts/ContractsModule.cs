using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Contracts;

public sealed class ContractsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<ContractRules>().AddScoped<ContractNumbers>().AddScoped<CreateContract>().AddScoped<UpdateContract>()
            .AddScoped<SubmitContract>().AddScoped<SignContract>().AddScoped<TerminateContract>().AddScoped<ArchiveContract>()
            .AddScoped<ListContracts>().AddScoped<ExportContracts>();
        services.AddScoped<IApprovalDocument, ContractApproval>();
        services.AddScoped<ITimelineSource, ContractTimelineSource>();
        services.AddScoped<ContractHandoverPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<ContractHandoverPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<ContractHandoverPart>());
    }
}
