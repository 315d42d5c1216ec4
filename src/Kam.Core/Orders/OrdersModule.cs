using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Handovers;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Orders;

public sealed class OrdersModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<ManageProducts>().AddScoped<ImportProducts>().AddScoped<ExportProducts>()
            .AddScoped<OrderNumbers>().AddScoped<OrderRules>().AddScoped<SaveOrder>().AddScoped<OrderSteps>().AddScoped<GetOrder>()
            .AddScoped<ListOrders>().AddScoped<Shipping>().AddScoped<ListShipments>().AddScoped<ExportOrders>();
        services.AddScoped<IApprovalDocument, OrderApprovalDocument>().AddScoped<IApprovalDocument, MakeUpApprovalDocument>();
        services.AddScoped<ITimelineSource, OrderTimelineSource>();
        services.AddScoped<OrderHandoverPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<OrderHandoverPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<OrderHandoverPart>());
    }
}
