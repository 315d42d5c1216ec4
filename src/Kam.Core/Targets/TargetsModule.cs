using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Targets;

public sealed class TargetsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<TargetHandoverPart>().AddScoped<Kam.Core.Handovers.IHandoverPart>(sp => sp.GetRequiredService<TargetHandoverPart>());
        services.AddScoped<GetTargets>().AddScoped<SetTargets>().AddScoped<GetTargetProgress>().AddScoped<ManageTargetSettings>().AddScoped<TargetReminders>().AddScoped<ExportTargetProgress>().AddScoped<ExportTargets>().AddScoped<SplitCredit>().AddScoped<ImportTargets>().AddScoped<Kam.Core.Ledger.CreditNames>().AddScoped<FocusTargets>();
    }
}
