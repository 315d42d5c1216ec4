using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Kam.E2E.Tests.Infrastructure;

/// <summary>The app's JSON API with one user's bearer token: for setting up data and for counting what a user may see.</summary>
public sealed class KamApi : IDisposable
{
    private readonly HttpClient _http;

    private KamApi(HttpClient http) => _http = http;

    public static async Task<KamApi> LoginAsync(KamApp app, string userName, string password = BrowserTest.DemoPassword)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        try
        {
            using var response = await http.PostAsJsonAsync("/api/auth/login", new { userName, password });
            await EnsureSuccessAsync(response);
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return new KamApi(http);
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    /// <summary>Creates an active account manager with the given start password; returns the new user's id.</summary>
    public async Task<Guid> CreateAccountManagerAsync(string userName, string displayName, string password)
    {
        using var response = await _http.PostAsJsonAsync("/api/users", new { userName, displayName, password, roles = new[] { "AccountManager" } });
        await EnsureSuccessAsync(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The total of GET /api/accounts: how many active accounts this user sees.</summary>
    public async Task<int> CountAccountsAsync() =>
        (await GetAsync("/api/accounts?pageSize=1")).GetProperty("total").GetInt32();

    /// <summary>Every active account this user sees, page by page.</summary>
    public async Task<List<JsonElement>> AllAccountsAsync()
    {
        var all = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var result = await GetAsync($"/api/accounts?pageSize=200&page={page}&sort=name");
            var items = result.GetProperty("items").EnumerateArray().ToList();
            all.AddRange(items);
            if (items.Count == 0 || all.Count >= result.GetProperty("total").GetInt32())
                return all;
        }
    }

    /// <summary>POSTs JSON and returns the response body (for arranging data, e.g. an account and its contacts).</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await _http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        await EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>POSTs a multipart form (e.g. a file upload) and returns the response body.</summary>
    public async Task<JsonElement> PostFormAsync(string path, MultipartFormDataContent form)
    {
        using var response = await _http.PostAsync(new Uri(path, UriKind.Relative), form);
        await EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>PUTs JSON and returns the response body (another person's save, while a page is open).</summary>
    public async Task<JsonElement> PutAsync(string path, object body)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
        await EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative));
        await EnsureSuccessAsync(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            throw new HttpRequestException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {body}");
        }
    }

    public void Dispose() => _http.Dispose();
}
