using Kam.Core.Notifications;
using Kam.Infrastructure.Data;
using Kam.Web.Setup;
using Quartz;

namespace Kam.Web.Jobs;

/// <summary>
/// The background jobs. Each runs in a scope of its own as the system (no person acting, no data scope).
/// [DisallowConcurrentExecution] holds across a cluster too: with several servers one run at a time.
/// </summary>
public abstract class KamJob(IServiceScopeFactory scopes) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        // One line per run with the fire time it was scheduled for: across several servers each time appears once.
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Kam.Web.Jobs.Runs")
            .LogDebug("Job {Job} runs for {ScheduledFireTime:O} on {Instance}", context.JobDetail.Key.Name, context.ScheduledFireTimeUtc, context.Scheduler.SchedulerInstanceId);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        await RunAsync(scope.ServiceProvider, ct);
    }

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);
}

[DisallowConcurrentExecution]
public sealed class RemindersJob(IServiceScopeFactory scopes, ILogger<RemindersJob> log) : KamJob(scopes)
{
    public static readonly JobKey Key = new("reminders", "kam");

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var run = await services.GetRequiredService<Reminders>().RunAsync(ct);
        if (run.Total > 0)
            log.LogInformation("Reminders sent: {Run}", run);
    }
}

[DisallowConcurrentExecution]
public sealed class DigestJob(IServiceScopeFactory scopes, ILogger<DigestJob> log) : KamJob(scopes)
{
    public static readonly JobKey Key = new("digest", "kam");

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var sent = await services.GetRequiredService<DailyDigest>().SendAsync(ct);
        log.LogInformation("Daily digest sent to {Count} people", sent);
    }
}

[DisallowConcurrentExecution]
public sealed class EmailJob(IServiceScopeFactory scopes) : KamJob(scopes)
{
    public static readonly JobKey Key = new("email", "kam");

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<EmailNotifications>().SendAsync(ct);
}

/// <summary>
/// Compares the ledger with a rebuild from the records; a difference is logged as an error with the first figures that
/// differ (the ledger is not changed: <c>Kam.Web.dll rebuild-ledger</c> repairs it once the cause is known).
/// </summary>
[DisallowConcurrentExecution]
public sealed class LedgerCheckJob(IServiceScopeFactory scopes) : KamJob(scopes)
{
    public static readonly JobKey Key = new("ledger-check", "kam");

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DerivedData>().CheckLedgerAsync(ct);
}
