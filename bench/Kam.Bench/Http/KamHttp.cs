using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kam.Bench.Http;

/// <summary>HttpClient set-up and the Kam login, shared by the scenario runner and the import mode.</summary>
public static class KamHttp
{
    /// <summary>
    /// One client (and so one connection pool) per virtual user, like separate browsers. No cookies and no
    /// redirects: a bearer-token API should answer directly, and a redirect to the login page must count as an error.
    /// </summary>
    public static HttpClient CreateClient(Uri baseUri, TimeSpan timeout) =>
        new(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        { BaseAddress = baseUri, Timeout = timeout };

    public static async Task LoginAsync(HttpClient client, string userName, string password, CancellationToken ct)
    {
        using var response = await client.PostAsJsonAsync("api/auth/login", new { userName, password }, ct);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new BenchException($"Login as '{userName}' failed: {(int)response.StatusCode} {response.ReasonPhrase} {Shorten(body)}");
        }
        using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync(ct));
        var token = json.RootElement.TryGetProperty("accessToken", out var t) ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
            throw new BenchException($"Login as '{userName}' answered without an accessToken.");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Relative request URI: a path starting with '/' would drop a --base path prefix, so the slash goes.</summary>
    public static Uri Relative(string path) => new(path.TrimStart('/'), UriKind.Relative);

    public static string Shorten(string text, int max = 300) =>
        text.Length <= max ? text.ReplaceLineEndings(" ") : text[..max].ReplaceLineEndings(" ") + "…";
}

/// <summary>A failure worth a one-line message rather than a stack trace.</summary>
public sealed class BenchException(string message) : Exception(message);
