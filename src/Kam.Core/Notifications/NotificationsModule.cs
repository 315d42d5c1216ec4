using Kam.Core.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Notifications;

public sealed class NotificationsModule : IKamModule
{
    /// <inheritdoc/>
    public void Register(IServiceCollection services)
    {
        services.AddScoped<Notifier>().AddScoped<ListNotifications>().AddScoped<MarkNotificationsRead>()
            .AddScoped<Reminders>().AddScoped<DailyDigest>().AddScoped<EmailNotifications>();
    }
}
