using Kam.Bench.Http;

namespace Kam.Bench.Running;

/// <summary>
/// Logged-in clients, one per virtual user, each with its own token. Kept across scenarios so that every run
/// does not pay a PBKDF2 login per client; a scenario at 4 clients as "admin" uses admin#0..admin#3.
/// </summary>
public sealed class VirtualUserPool(Uri baseUri, TimeSpan timeout) : IDisposable
{
    private readonly Dictionary<(string User, int Slot), HttpClient> _clients = [];

    public async Task<HttpClient[]> GetAsync(string? user, string password, int count, CancellationToken ct)
    {
        var result = new HttpClient[count];
        for (var slot = 0; slot < count; slot++)
        {
            var key = (user ?? "", slot);
            if (!_clients.TryGetValue(key, out var client))
            {
                client = KamHttp.CreateClient(baseUri, timeout);
                try
                {
                    if (user is not null)
                        await KamHttp.LoginAsync(client, user, password, ct);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }
                _clients[key] = client;
            }
            result[slot] = client;
        }
        return result;
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
            client.Dispose();
        _clients.Clear();
    }
}
