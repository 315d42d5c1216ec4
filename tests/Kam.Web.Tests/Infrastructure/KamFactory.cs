using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Kam.Infrastructure.Seeding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>Kam with the demo department on a fresh database of the provider under test.</summary>
public class KamFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private TestDatabase? _db;

    public TestDatabase Database => _db ?? throw new InvalidOperationException("Not initialised");

    /// <summary>Extra settings a derived factory wants (e.g. a broken connection string).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _ = Server; // start the host now: migrations and seeding happen here, not in the first test
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Kam", Database.ConnectionString);
        builder.UseSetting("Kam:DataDir", Database.DataDir);
        builder.UseSetting("Kam:Demo", "true");
        // The suite signs in far more often than a person; SignInLimitTests sets its own limit.
        builder.UseSetting("Kam:SignIn:AttemptsPerMinute", "100000");
        // Tests drive reminders and e-mail themselves, at the moments they choose (ReminderTests, EmailTests).
        builder.UseSetting("Kam:Scheduler:Enabled", "false");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
    }

    /// <summary>A client speaking the given language, without a token.</summary>
    public HttpClient Anonymous(string language = "zh-CN")
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    /// <summary>A client signed in through the API as a demo user (password Demo#2026).</summary>
    public async Task<HttpClient> As(string userName, string language = "zh-CN")
    {
        var client = Anonymous(language);
        if (!_tokens.TryGetValue(userName, out var token))
        {
            token = await LoginAsync(userName, DemoUsersStep.Password);
            _tokens[userName] = token;
        }
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<HttpClient> WithPassword(string userName, string password)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(userName, password));
        return client;
    }

    public async Task<string> LoginAsync(string userName, string password)
    {
        using var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<TokenBody>();
        return body!.AccessToken;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_db is not null)
            await _db.DisposeAsync();
    }

    private sealed record TokenBody(string AccessToken, DateTimeOffset ExpiresAt);
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<KamFactory>
{
    public const string Name = "api";
}
