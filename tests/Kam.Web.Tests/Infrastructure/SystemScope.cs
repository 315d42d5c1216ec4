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

    public Reminders Reminders(TimeProvider clock) => Build<Reminders>(clock);

    public DailyDigest Digest(TimeProvider clock) => Build<DailyDigest>(clock);

    public Notifier Notifier(TimeProvider clock) => Build<Notifier>(clock);

    /// <summary>
    /// A use case of Kam's own with the given clock in place of the system's, all the way down its constructors: Kam's
    /// classes are built the same way, everything else (the database, options, interfaces) comes from the host's
    /// container, so a constructor change never breaks a test.
    /// </summary>
    public T Build<T>(TimeProvider clock) => (T)Build(typeof(T), clock);

    private object Build(Type type, TimeProvider clock)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p =>
            p.ParameterType == typeof(TimeProvider) ? clock
            : IsKams(p.ParameterType) ? Build(p.ParameterType, clock)
            : Services.GetRequiredService(p.ParameterType)).ToArray();
        return constructor.Invoke(arguments);
    }

    private static bool IsKams(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.Assembly == typeof(Kam.Core.KamCore).Assembly;

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    /// <summary>A fake clock at this business-local (Asia/Shanghai) date and time.</summary>
    public static FakeTimeProvider At(DateOnly date, int hour, int minute = 0) =>
        new(new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(8)).ToUniversalTime());
}
