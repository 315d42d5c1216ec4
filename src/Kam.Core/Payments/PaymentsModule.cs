using Kam.Core.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Payments;

public static class PaymentsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services)
    {
        services.AddScoped<PaymentRules>().AddScoped<ManagePaymentPlan>().AddScoped<RecordPayment>().AddScoped<ListPayments>()
            .AddScoped<Receivables>().AddScoped<ExportPayments>().AddScoped<InstalmentReminders>();
        services.AddScoped<ITimelineSource, PaymentTimelineSource>();
        return services;
    }
}
