using Kam.Core.Common;
using Kam.Core.Notifications;
using Kam.Web.Setup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>A DI scope of the test host acting as the system (like a background job), with the use cases of reminders
/// built on a fake clock of the test's choosing.</summary>
public sealed class SystemScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public SystemScope(KamFactory app)
    {
        _scope = app.Services.CreateAsyncScope();
        _scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public IKamDb Db => Services.GetRequiredService<IKamDb>();

    public Reminders Reminders(TimeProvider clock) => new(Db, new Notifier(Db, clock), clock, new Settings(Db), new Kam.Core.Payments.InstalmentReminders(Db));

    public DailyDigest Digest(TimeProvider clock) => new(Db, new Notifier(Db, clock), clock, new Settings(Db));

    public Notifier Notifier(TimeProvider clock) => new(Db, clock);

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    /// <summary>A fake clock at this business-local (Asia/Shanghai) date and time.</summary>
    public static FakeTimeProvider At(DateOnly date, int hour, int minute = 0) =>
        new(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime());
}
