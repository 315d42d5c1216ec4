using Microsoft.Extensions.DependencyInjection;

namespace Kam.Core.Notifications;

public static class NotificationsModule
{
    /// <summary>Registers the use cases of this area (called by <see cref="KamCore.AddKamCore"/>).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddScoped<Notifier>().AddScoped<ListNotifications>().AddScoped<MarkNotificationsRead>()
            .AddScoped<Reminders>().AddScoped<DailyDigest>().AddScoped<EmailNotifications>();
        return services;
    }
}
