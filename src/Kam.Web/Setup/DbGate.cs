namespace Kam.Web.Setup;

/// <summary>
/// Blazor Server gives a circuit one DbContext, and a DbContext serves one query at a time: components on the same
/// page that load together (a picker and the list below it, a header and a tab) take turns through this gate instead
/// of failing with "a second operation was started". Wrap only the use-case call itself, never a callback that might
/// load again (the gate is not re-entrant).
/// </summary>
public sealed class DbGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<T> Run<T>(Func<Task<T>> load)
    {
        await _gate.WaitAsync();
        try
        {
            return await load();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
