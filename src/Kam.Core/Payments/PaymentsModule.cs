using Kam.Core.Common;
using Kam.Core.Timeline;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Payments;

public sealed class PaymentsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<PaymentRules>().AddScoped<ManagePaymentPlan>().AddScoped<RecordPayment>().AddScoped<ListPayments>()
            .AddScoped<Receivables>().AddScoped<ExportPayments>().AddScoped<InstalmentReminders>();
        services.AddScoped<ITimelineSource, PaymentTimelineSource>();
    }
}
