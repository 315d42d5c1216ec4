using Kam.Core.Common;
using Kam.Core.Notifications;
using Kam.Infrastructure.Data;
using Kam.Infrastructure.Mail;
using Quartz;

namespace Kam.Web.Jobs;

/// <summary>
/// Quartz, configured by <c>Kam:Scheduler:Enabled</c> (default true). On PostgreSQL the jobs live in the database
/// (AdoJobStore, tables from the PostgreSQL migrations) in clustered mode: every server runs a scheduler, and each
/// trigger fires on exactly one of them. On SQLite (one server) the store is in memory.
/// </summary>
public static class KamScheduler
{
    public const string Name = "Kam";

    public const string RemindersCron = "0 0/15 * * * ?";

    public const string DigestCron = "0 30 7 ? * MON-FRI";

    public const string EmailCron = "0 * * * * ?";

    /// <summary>The ledger is compared with its records every night, when no one is working.</summary>
    public const string LedgerCheckCron = "0 15 2 * * ?";

    public static IServiceCollection AddKamScheduler(this IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<INotificationMailer, NotificationEmailSender>();
        services.AddScoped<NotificationSignal>();
        if (!config.GetValue("Kam:Scheduler:Enabled", true))
            return services;
        var database = DatabaseSettings.From(config);
        var emailOn = config.GetSection("Kam:Smtp").Get<SmtpOptions>()?.Enabled == true;
        services.AddQuartz(Name, q =>
        {
            // Clustering gives each server a generated instance id (the "AUTO" of Quartz 3).
            if (database.Provider == DatabaseProvider.Postgres)
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(database.ConnectionString);
                    s.UseClustering();
                });
            else
                q.UseInMemoryStore();
            // The schedules can be changed (Kam:Scheduler:RemindersCron...); the cluster test runs them every few seconds.
            var cron = config.GetSection("Kam:Scheduler");
            Schedule<RemindersJob>(q, RemindersJob.Key, cron["RemindersCron"] ?? RemindersCron);
            Schedule<DigestJob>(q, DigestJob.Key, cron["DigestCron"] ?? DigestCron);
            Schedule<LedgerCheckJob>(q, LedgerCheckJob.Key, cron["LedgerCheckCron"] ?? LedgerCheckCron);
            if (emailOn)
                Schedule<EmailJob>(q, EmailJob.Key, cron["EmailCron"] ?? EmailCron);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    private static void Schedule<TJob>(IQuartzBuilder q, JobKey key, string cron) where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key).StoreDurably());
        // A run missed while every server was down happens once when one comes back.
        q.AddTrigger<TJob>(t => t.ForJob(key).WithIdentity(key.Name, key.Group)
            .WithCronSchedule(cron, c => c.InTimeZone(BusinessClock.Zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
    }
}
