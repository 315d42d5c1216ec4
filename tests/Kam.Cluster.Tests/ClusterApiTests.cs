using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Cluster.Tests.Infrastructure;

namespace Kam.Cluster.Tests;

/// <summary>What one server writes or issues, the other reads: tokens, files, versions, the export log; and health.</summary>
public sealed class ClusterApiTests(ClusterFixture cluster) : ClusterTest(cluster)
{
    [Fact]
    public async Task Both_servers_and_the_proxy_are_live_and_ready()
    {
        foreach (var url in new[] { Cluster.First.BaseUrl, Cluster.Second.BaseUrl, Cluster.Proxy.BaseUrl })
        {
            using var client = Cluster.Client(url);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            Assert.Contains("Npgsql", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_proxy_sticks_a_client_to_the_server_named_in_its_cookie_and_names_the_server_that_answered()
    {
        foreach (var node in new[] { "1", "2" })
        {
            using var client = Cluster.Client(Cluster.Proxy.BaseUrl, node);
            var response = await client.GetAsync("/health/live");
            Assert.Contains($"kam_node={node}; Path=/", string.Join(";", response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
        }
        // A new client (no cookie) is given one of the two.
        using var fresh = Cluster.Client(Cluster.Proxy.BaseUrl);
        var first = await fresh.GetAsync("/health/live");
        Assert.Matches("kam_node=[12]; Path=/", string.Join(";", first.Headers.GetValues("Set-Cookie")));
    }

    [Fact]
    public async Task A_token_issued_by_one_server_is_accepted_by_the_other_and_through_the_proxy_on_either()
    {
        using var first = Cluster.Client(Cluster.First.BaseUrl);
        var token = await Cluster.LoginAsync(first, "am1");
        foreach (var (url, node) in new[] { (Cluster.Second.BaseUrl, (string?)null), (Cluster.Proxy.BaseUrl, "1"), (Cluster.Proxy.BaseUrl, "2") })
        {
            using var client = Cluster.Client(url, node);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = await client.GetAsync("/api/me");
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.Equal("am1", (string?)JsonNode.Parse(await me.Content.ReadAsStringAsync())!["userName"]);
        }
    }

    [Fact]
    public async Task An_attachment_uploaded_through_one_server_downloads_through_the_other()
    {
        using var first = await Cluster.SignedInAsync(Cluster.Proxy.BaseUrl, "am1", node: "1");
        using var second = await Cluster.SignedInAsync(Cluster.Proxy.BaseUrl, "am1", node: "2");
        var accountId = await FirstAccountAsync(first);
        var pdf = System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4 营业执照 {Guid.NewGuid()}");
        using var upload = new MultipartFormDataContent();
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        upload.Add(file, "file", "营业执照.pdf");
        var uploaded = await first.PostAsync($"/api/accounts/{accountId}/attachments?kind=BusinessLicence", upload);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var id = (string)JsonNode.Parse(await uploaded.Content.ReadAsStringAsync())!["id"]!;

        var download = await second.GetAsync($"/api/attachments/{id}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("kam_node=2", string.Join(";", download.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_through_one_server_makes_a_stale_save_through_the_other_a_409()
    {
        using var first = await Cluster.SignedInAsync(Cluster.Proxy.BaseUrl, "am1", node: "1");
        using var second = await Cluster.SignedInAsync(Cluster.Proxy.BaseUrl, "am1", node: "2");
        var accountId = await FirstAccountAsync(first);
        var account = JsonNode.Parse(await first.GetStringAsync($"/api/accounts/{accountId}"))!;
        var version = (string)account["version"]!;
        object Body(string industry) => new { name = (string)account["name"]!, category = (string)account["category"]!, industry, version };

        var saved = await first.PutAsJsonAsync($"/api/accounts/{accountId}", Body("集群测试一"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var stale = await second.PutAsJsonAsync($"/api/accounts/{accountId}", Body("集群测试二"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);
        var now = JsonNode.Parse(await second.GetStringAsync($"/api/accounts/{accountId}"))!;
        Assert.Equal("集群测试一", (string?)now["industry"]);
    }

    [Fact]
    public async Task An_export_made_on_one_server_is_in_the_export_log_read_on_the_other()
    {
        using var am1 = await Cluster.SignedInAsync(Cluster.First.BaseUrl, "am1");
        using var head = await Cluster.SignedInAsync(Cluster.Second.BaseUrl, "head");
        var before = JsonNode.Parse(await head.GetStringAsync("/api/exports?pageSize=1"))!["total"]!.GetValue<int>();
        var export = await am1.GetAsync("/api/accounts/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.True((await export.Content.ReadAsByteArrayAsync()).Length > 0);

        var log = JsonNode.Parse(await head.GetStringAsync("/api/exports?pageSize=5"))!;
        Assert.Equal(before + 1, log["total"]!.GetValue<int>());
        Assert.Contains(log["items"]!.AsArray(), e => (string?)e!["userName"] == "am1" && (string?)e["kind"] == "accounts");
    }

    private static async Task<string> FirstAccountAsync(HttpClient client) =>
        (string)JsonNode.Parse(await client.GetStringAsync("/api/accounts?pageSize=1&sort=name"))!["items"]![0]!["id"]!;
}
