using Kam.Core.Approvals;
using Kam.Core.Handovers;
using Kam.Core.Timeline;
using Kam.Core.Users;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Orders;

public static class OrdersModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddScoped<ManageProducts>().AddScoped<ImportProducts>().AddScoped<ExportProducts>()
            .AddScoped<OrderNumbers>().AddScoped<OrderRules>().AddScoped<SaveOrder>().AddScoped<OrderSteps>().AddScoped<GetOrder>()
            .AddScoped<ListOrders>().AddScoped<Shipping>().AddScoped<ListShipments>().AddScoped<ExportOrders>();
        services.AddScoped<IApprovalDocument, OrderApprovalDocument>().AddScoped<IApprovalDocument, MakeUpApprovalDocument>();
        services.AddScoped<ITimelineSource, OrderTimelineSource>();
        services.AddScoped<OrderHandoverPart>();
        services.AddScoped<IHandoverPart>(sp => sp.GetRequiredService<OrderHandoverPart>());
        services.AddScoped<IOwnedRecords>(sp => sp.GetRequiredService<OrderHandoverPart>());
        return services;
    }
}
