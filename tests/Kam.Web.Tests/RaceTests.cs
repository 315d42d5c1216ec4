using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

/// <summary>
/// The same write sent many times at once ends in winners and clean 409s, never a 5xx, and what is derived from it
/// agrees afterwards; on SQLite and on PostgreSQL. Each case is a write with a uniqueness rule or a version.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class RaceTests(KamFactory app)
{
    private const int Racers = 12;

    private static async Task<HttpStatusCode[]> Race(Func<int, Task<HttpResponseMessage>> send)
    {
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, Racers).Select(i => Task.Run(async () =>
        {
            start.Wait();
            using var response = await send(i);
            return response.StatusCode;
        })).ToArray();
        start.Set();
        var statuses = await Task.WhenAll(tasks);
        Assert.All(statuses, s => Assert.True((int)s < 500, $"a racer got {(int)s}: {string.Join(", ", statuses.Select(x => (int)x))}"));
        return statuses;
    }

    [Fact]
    public async Task Concurrent_tier_overrides_of_one_account_end_in_one_winner_and_409s()
    {
        using var head = await app.As("head");
        var account = await Accounts.Create(head);
        var version = (string)account["version"]!;
        var statuses = await Race(i => head.PutAsJsonAsync($"/api/accounts/{account["id"]}/tier", new { tier = i % 2 == 0 ? "A" : "C", reason = "竞争测试" + i, version }));
        Assert.Equal(1, statuses.Count(s => s is HttpStatusCode.NoContent or HttpStatusCode.OK));
        Assert.All(statuses.Where(s => s is not (HttpStatusCode.NoContent or HttpStatusCode.OK)), s => Assert.Equal(HttpStatusCode.Conflict, s));
    }

    [Fact]
    public async Task Concurrent_team_changes_of_one_account_end_in_one_winner_and_the_team_is_one_of_theirs()
    {
        using var head = await app.As("head");
        using var admin = await app.As("admin");
        var account = await Accounts.Create(head);
        var owner = (string)account["owner"]!["id"]!;
        var am2 = await Users.IdOf(admin, "am2");
        var am3 = await Users.IdOf(admin, "am3");
        var version = (string)account["version"]!;
        var statuses = await Race(i => head.PutAsJsonAsync($"/api/accounts/{account["id"]}/team",
            new { ownerId = owner, memberIds = i % 2 == 0 ? new[] { am2 } : new[] { am2, am3 }, version }));
        Assert.Equal(1, statuses.Count(s => s is HttpStatusCode.NoContent or HttpStatusCode.OK));
        var team = (await (await head.GetAsync($"/api/accounts/{account["id"]}")).ReadJson())["members"]!.AsArray();
        Assert.Contains(team, m => (string?)m!["id"] == am2.ToString());
    }

    [Fact]
    public async Task Contacts_created_at_once_on_one_account_are_all_kept_or_refused_with_409()
    {
        using var am1 = await app.As("am1");
        var account = await Accounts.Create(am1);
        var statuses = await Race(i => am1.PostAsJsonAsync($"/api/accounts/{account["id"]}/contacts",
            new { name = "并发联系人" + i, title = "采购", mobile = $"1380013{i:0000}" }));
        var created = statuses.Count(s => s == HttpStatusCode.Created);
        Assert.True(created >= 1);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var contacts = await (await am1.GetAsync($"/api/accounts/{account["id"]}/contacts")).ReadJson();
        Assert.Equal(created, (contacts as JsonArray ?? contacts["items"]!.AsArray()).Count);
    }

    [Fact]
    public async Task Delegating_one_step_to_the_same_person_at_once_or_back_and_forth_never_fails_with_5xx()
    {
        using var assistant = await app.As("assistant");
        using var head = await app.As("head");
        using var am1 = await app.As("am1");
        var account = Guid.Parse((string)(await Accounts.Create(am1))["id"]!);
        var contract = await Contracts.Create(assistant, account, new { amount = 300000 });
        var submitted = await (await assistant.PostAsJsonAsync($"/api/contracts/{contract.Id()}/submit", new { note = "请审批" })).Ok<JsonObject>();
        var approval = (string)submitted["approvalId"]!;
        using var exec = await app.As("exec");
        var execId = (string)(await (await exec.GetAsync("/api/me")).ReadJson())["id"]!;
        var headId = (string)(await (await head.GetAsync("/api/me")).ReadJson())["id"]!;

        await Race(_ => head.PostAsJsonAsync($"/api/approvals/{approval}/delegate", new { userId = execId, reason = "出差" }));
        // Back to the head and to the executive again: the same notification key comes round a second time.
        var back = await head.PostAsJsonAsync($"/api/approvals/{approval}/delegate", new { userId = headId, reason = "回来了" });
        Assert.True((int)back.StatusCode < 500, $"{(int)back.StatusCode}");
        var again = await head.PostAsJsonAsync($"/api/approvals/{approval}/delegate", new { userId = execId, reason = "又出差" });
        Assert.True((int)again.StatusCode < 500, $"{(int)again.StatusCode}: {await again.Content.ReadAsStringAsync()}");
    }
}
