using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.WorkItems;

public sealed class WorkItemsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<WorkItemRules>().AddScoped<SaveMeeting>().AddScoped<ArchiveMeeting>().AddScoped<GetMeeting>()
            .AddScoped<ListMeetings>().AddScoped<AddActionItem>().AddScoped<CreateTask>().AddScoped<ListWorkItems>()
            .AddScoped<GetWorkItem>().AddScoped<UpdateWorkItem>().AddScoped<AddWorkItemNote>();
        services.AddScoped<WorkItemHandoverPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<WorkItemHandoverPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<WorkItemHandoverPart>());
    }
}
