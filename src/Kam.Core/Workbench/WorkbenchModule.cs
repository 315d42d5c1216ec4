using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Workbench;

public sealed class WorkbenchModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<GetWorkbench>().AddScoped<GetDealsDesk>();
    }
}
