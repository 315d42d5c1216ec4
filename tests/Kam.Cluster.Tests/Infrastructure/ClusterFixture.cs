using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kam.E2E.Tests.Infrastructure;
using Kam.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Npgsql;

namespace Kam.Cluster.Tests.Infrastructure;

/// <summary>
/// The set-up a group company runs, on this machine: a fresh database on the PostgreSQL server of
/// <c>KAM_TEST_PG</c> (test.sh starts one), <c>Kam.Web.dll migrate</c> and <c>seed-demo</c> run once, two Kam servers
/// from the Release build with <c>Kam:MigrateOnStart=false</c> sharing one data folder (attachments, exports),
/// nginx in front with the README's template, an SMTP listener for the e-mailed notifications, and Chromium.
/// The schedules are seconds apart so that a window of a few seconds holds many runs of every job.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public const string Password = "Demo#2026";

    private readonly string _work = Directory.CreateTempSubdirectory("kam-cluster-").FullName;
    private string? _adminConnection;
    private string? _database;
    private IPlaywright? _playwright;

    public KamServer First { get; private set; } = null!;

    public KamServer Second { get; private set; } = null!;

    public Nginx Proxy { get; private set; } = null!;

    public FakeSmtpServer Smtp { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    public IReadOnlyList<KamServer> Servers => [First, Second];

    public KamServer Server(string node) => node == "1" ? First : Second;

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot();
        var dll = Path.Combine(root, "src/Kam.Web/bin/Release/net10.0/Kam.Web.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build the Release binary first (test.sh does: dotnet build src/Kam.Web -c Release).");
        _adminConnection = Environment.GetEnvironmentVariable("KAM_TEST_PG")
            ?? throw new InvalidOperationException("The cluster lane needs KAM_TEST_PG, a PostgreSQL server where it may create a database (test.sh starts one).");
        _database = "kam_cluster_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(_adminConnection))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(_adminConnection) { Database = _database }.ConnectionString;

        var shared = Path.Combine(_work, "shared");
        Directory.CreateDirectory(shared);
        string[] common =
        [
            "--Database:Provider=Postgres", $"--ConnectionStrings:Kam={ConnectionString}", $"--Kam:DataDir={shared}",
            "--Logging:Console:FormatterName=simple", "--Logging:Console:FormatterOptions:SingleLine=true",
        ];
        var commandLog = Path.Combine(_work, "commands.log");
        await KamServer.RunCommandAsync(dll, "migrate", common, commandLog);
        await KamServer.RunCommandAsync(dll, "seed-demo", common, commandLog);

        string[] server =
        [
            .. common,
            "--Kam:MigrateOnStart=false", "--Kam:ForwardedHeaders=true", "--Kam:SignIn:AttemptsPerMinute=100000",
            "--Kam:Scheduler:RemindersCron=0/3 * * * * ?", "--Kam:Scheduler:DigestCron=1/3 * * * * ?", "--Kam:Scheduler:EmailCron=2/3 * * * * ?",
            "--Kam:Smtp:Host=127.0.0.1", $"--Kam:Smtp:Port={Smtp.Port}", "--Kam:Smtp:From=kam@cluster.test",
            "--Logging:LogLevel:Kam.Web.Jobs.Runs=Debug",
        ];
        First = new KamServer("kam1", dll, FreePort(), server, Path.Combine(_work, "kam1.log"));
        Second = new KamServer("kam2", dll, FreePort(), server, Path.Combine(_work, "kam2.log"));
        await Task.WhenAll(First.StartAsync(), Second.StartAsync());
        Proxy = await Nginx.StartAsync(Path.Combine(root, "deploy/nginx/kam.conf"), Path.Combine(_work, "nginx"), FreePort(), First, Second);

        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>A client of the proxy pinned to one server by the sticky cookie ("1" or "2"), or of a server itself.</summary>
    public HttpClient Client(string baseUrl, string? node = null)
    {
        var cookies = new CookieContainer();
        if (node is not null)
            cookies.Add(new Uri(baseUrl), new System.Net.Cookie("kam_node", node));
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return client;
    }

    /// <summary>A client of <paramref name="baseUrl"/> with the API token of a demo user.</summary>
    public async Task<HttpClient> SignedInAsync(string baseUrl, string user, string? node = null)
    {
        var client = Client(baseUrl, node);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await LoginAsync(client, user));
        return client;
    }

    public async Task<string> LoginAsync(HttpClient client, string user)
    {
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!;
    }

    /// <summary>Starts a server a test stopped again, so that the next test finds two.</summary>
    public async Task EnsureRunningAsync(KamServer server)
    {
        if (server.Running)
            return;
        await server.StartAsync();
        // nginx passes over a server that failed for its fail_timeout (10 s): wait until it is sent requests again.
        var node = server == First ? "1" : "2";
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            using var client = Client(Proxy.BaseUrl, node); // a new one each time: the answer re-sets the cookie
            var response = await client.GetAsync("/health/live");
            if (response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith($"kam_node={node};", StringComparison.Ordinal)))
                return;
            await Task.Delay(500);
        }
        throw new TimeoutException($"the proxy did not send requests to {server.Name} again within 30 s");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (Proxy is not null)
            await Proxy.DisposeAsync();
        foreach (var server in new[] { First, Second })
        {
            if (server is not null)
                await server.DisposeAsync();
        }
        await Smtp.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_adminConnection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        // KAM_CLUSTER_KEEP=1 keeps the servers', the commands' and nginx's logs for reading.
        if (Environment.GetEnvironmentVariable("KAM_CLUSTER_KEEP") is null)
            Directory.Delete(_work, recursive: true);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Kam.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Kam.slnx not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
