using System.Net;
using System.Net.Http.Json;
using Kam.Web.Tests.Infrastructure;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class HandoverApiTests(KamFactory app)
{
    [Fact]
    public async Task The_head_hands_a_leavers_whole_book_over_and_only_then_may_they_be_deactivated()
    {
        var leaverName = await Users.Create(app, "leaver");
        var receiverName = await Users.Create(app, "heir");
        using var admin = await app.As("admin");
        var leaverId = await Users.IdOf(admin, leaverName);
        var receiverId = await Users.IdOf(admin, receiverName);
        using var leaver = await app.WithPassword(leaverName, Users.Password);
        using var receiver = await app.WithPassword(receiverName, Users.Password);
        var a1 = await Accounts.Create(leaver);
        var a2 = await Accounts.Create(leaver);

        // Still owning accounts: deactivation is refused, pointing to the handover.
        var refused = await (await admin.PostAsync($"/api/users/{leaverId}/deactivate", null)).Problem(HttpStatusCode.Conflict);
        Assert.Equal("user.owns_records", (string?)refused["code"]);

        using var head = await app.As("head");
        var preview = await (await head.GetAsync($"/api/handovers/preview?fromUserId={leaverId}&toUserId={receiverId}")).ReadJson();
        var accounts = preview["lines"]!.AsArray().Single(l => (string?)l!["kind"] == "handover.accounts")!;
        Assert.Equal(2, (int)accounts["count"]!);
        Assert.Contains((string)a1["name"]!, accounts["items"]!.AsArray().Select(i => (string?)i));

        var done = await head.PostAsJsonAsync("/api/handovers", new { fromUserId = leaverId, toUserId = receiverId, note = "离职交接" });
        var record = await done.Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created);
        Assert.Equal("离职交接", (string?)record["note"]);

        Assert.Equal(HttpStatusCode.OK, (await receiver.GetAsync($"/api/accounts/{a2["id"]}")).StatusCode);
        await (await leaver.GetAsync($"/api/accounts/{a2["id"]}")).Problem(HttpStatusCode.NotFound);
        var history = await (await head.GetAsync($"/api/accounts/{a1["id"]}/history")).ReadJson();
        Assert.Contains(history["items"]!.AsArray(), e => e!["changes"]!.AsArray().Any(c => (string?)c!["field"] == "OwnerId" && (string?)c["new"] == receiverId.ToString()));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/users/{leaverId}/deactivate", null)).StatusCode);
    }

    [Fact]
    public async Task Only_the_head_hands_over_and_never_to_the_same_person()
    {
        using var am1 = await app.As("am1");
        using var admin = await app.As("admin");
        var am1Id = await Users.IdOf(admin, "am1");
        var am2Id = await Users.IdOf(admin, "am2");
        await (await am1.PostAsJsonAsync("/api/handovers", new { fromUserId = am1Id, toUserId = am2Id })).Problem(HttpStatusCode.Forbidden);

        using var head = await app.As("head");
        var same = await head.PostAsJsonAsync("/api/handovers", new { fromUserId = am1Id, toUserId = am1Id });
        Assert.NotNull((await same.Problem(HttpStatusCode.BadRequest))["errors"]!["toUserId"]);
        var toAdmin = await head.PostAsJsonAsync("/api/handovers", new { fromUserId = am1Id, toUserId = await Users.IdOf(admin, "admin") });
        Assert.NotNull((await toAdmin.Problem(HttpStatusCode.BadRequest))["errors"]!["toUserId"]);
    }
}
