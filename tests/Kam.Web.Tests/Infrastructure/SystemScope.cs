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

    private SystemScope(AsyncServiceScope scope) => _scope = scope;

    /// <summary>A scope acting as a person (their roles and scope), for use cases run on a fake clock.</summary>
    public static async Task<SystemScope> As(KamFactory app, string userName)
    {
        var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Kam.Core.Users.User>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"no user {userName}");
        services.GetRequiredService<CurrentUser>().Principal =
            await services.GetRequiredService<Microsoft.AspNetCore.Identity.IUserClaimsPrincipalFactory<Kam.Core.Users.User>>().CreateAsync(user);
        return new SystemScope(scope);
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
