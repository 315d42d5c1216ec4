using System.Collections.Concurrent;
using Kam.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Kam.Web.Tests;

/// <summary>
/// Two app servers on one PostgreSQL: two Quartz schedulers in clustered mode over the job store tables of Kam's
/// PostgreSQL migrations. Every trigger fires on exactly one of them.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SchedulerClusterTests(KamFactory app)
{
    private const int Triggers = 20;

    [PostgresFact("SQLite runs one server with an in-memory job store; the cluster lives in PostgreSQL")]
    public async Task Two_clustered_schedulers_on_one_database_fire_each_trigger_once()
    {
        var run = Guid.NewGuid().ToString("N");
        CountingJob.Runs[run] = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        CountingJob.AllDone[run] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var one = Node(app.Database.ConnectionString);
        await using var two = Node(app.Database.ConnectionString);
        var first = await one.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var second = await two.GetRequiredService<ISchedulerFactory>().GetScheduler();
        Assert.NotEqual(first.SchedulerInstanceId, second.SchedulerInstanceId);
        await first.Start();
        await second.Start();

        var job = JobBuilder.Create<CountingJob>().WithIdentity("count", run).UsingJobData("run", run).StoreDurably().Build();
        await first.AddJob(job);
        for (var i = 0; i < Triggers; i++)
        {
            var trigger = TriggerBuilder.Create().WithIdentity($"t{i}", run).ForJob(job.Key).UsingJobData("trigger", $"t{i}").StartNow().Build();
            await (i % 2 == 0 ? first : second).ScheduleJob(trigger);
        }

        // Wait (bounded) until every trigger ran somewhere, then stop both after their running jobs finished.
        await CountingJob.AllDone[run].Task.WaitAsync(TimeSpan.FromMinutes(2));
        await first.Shutdown(waitForJobsToComplete: true);
        await second.Shutdown(waitForJobsToComplete: true);

        var runs = CountingJob.Runs[run];
        Assert.Equal(Triggers, runs.Count);
        Assert.All(runs, r => Assert.Single(r.Value));
    }

    private static ServiceProvider Node(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(o => o.InstanceName = "KamClusterTest");
            q.UsePersistentStore(s =>
            {
                s.UsePostgres(connectionString);
                s.UseClustering();
            });
        });
        return services.BuildServiceProvider();
    }

    public sealed class CountingJob : IJob
    {
        public static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ConcurrentBag<string>>> Runs = new();

        public static readonly ConcurrentDictionary<string, TaskCompletionSource> AllDone = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken ct)
        {
            var run = context.MergedJobDataMap.GetString("run")!;
            var trigger = context.MergedJobDataMap.GetString("trigger")!;
            var byTrigger = Runs[run];
            byTrigger.GetOrAdd(trigger, _ => []).Add(context.Scheduler.SchedulerInstanceId);
            if (byTrigger.Count == Triggers)
                AllDone[run].TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
