namespace Kam.Web.Setup;

/// <summary>
/// Runs one use case from a Blazor component in a DI scope of its own, so each call gets its own DbContext, created
/// for the call and disposed after it (Microsoft's guidance for Blazor Server). A circuit lives for hours: one context
/// for its whole life would keep tracked copies that turn into false 409s after someone else saved, and components
/// loading together would meet in it ("a second operation was started"). The acting person is the circuit's.
/// </summary>
public sealed class Op<T>(IServiceScopeFactory scopes, CurrentUser circuitUser)
    where T : notnull
{
    public async Task<TResult> Run<TResult>(Func<T, Task<TResult>> call)
    {
        await using var scope = Begin(out var handler);
        return await call(handler);
    }

    public async Task Run(Func<T, Task> call)
    {
        await using var scope = Begin(out var handler);
        await call(handler);
    }

    private AsyncServiceScope Begin(out T handler)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = circuitUser.Principal;
        handler = scope.ServiceProvider.GetRequiredService<T>();
        return scope;
    }
}
