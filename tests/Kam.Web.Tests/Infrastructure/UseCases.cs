using Kam.Core.Users;
using Kam.Web.Setup;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>
/// Runs a use case in-process, as a given person, against the suite's real database (SQLite, or PostgreSQL when the
/// suite runs there): the rules without HTTP or JSON. The handler is resolved from the host's container, so a
/// constructor change never breaks a test.
/// </summary>
public static class UseCases
{
    public static async Task<TResult> Run<THandler, TResult>(this KamFactory app, string userName, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var user = await services.GetRequiredService<UserManager<User>>().FindByNameAsync(userName)
            ?? throw new InvalidOperationException($"no user {userName}");
        services.GetRequiredService<CurrentUser>().Principal =
            await services.GetRequiredService<IUserClaimsPrincipalFactory<User>>().CreateAsync(user);
        return await call(services.GetRequiredService<THandler>());
    }
}
