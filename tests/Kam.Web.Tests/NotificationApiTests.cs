using System.Net;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

[Collection(ApiCollection.Name)]
public sealed class NotificationApiTests(KamFactory app)
{
    [Fact]
    public async Task A_person_lists_filters_and_marks_their_own_notifications()
    {
        var (name, id) = await NewPerson("bell");
        var first = await Send(id, new NotificationMessage(id, NotificationKinds.TaskDue, "task_due:a", "交方案", new DateOnly(2031, 1, 2), "/tasks"));
        var second = await Send(id, new NotificationMessage(id, NotificationKinds.VisitDue, "visit_due:b", "广州丽家家居", new DateOnly(2031, 1, 3), "/accounts/x"));
        using var client = await app.WithPassword(name, Users.Password);

        var page = await (await client.GetAsync("/api/notifications")).ReadJson();
        Assert.Equal(2, (int)page["total"]!);
        var items = page["items"]!.AsArray();
        Assert.Equal([second, first], items.Select(i => Guid.Parse((string)i!["id"]!)));
        Assert.Equal("客户「广州丽家家居」应于 2031-01-03 前拜访", (string?)items[0]!["text"]);
        Assert.Equal("/accounts/x", (string?)items[0]!["link"]);
        Assert.Equal(2, await Unread(client));

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(1, await Unread(client));
        var unreadOnly = await (await client.GetAsync("/api/notifications?unread=true")).ReadJson();
        Assert.Equal(second, Guid.Parse((string)unreadOnly["items"]!.AsArray().Single()!["id"]!));
        var paged = await (await client.GetAsync("/api/notifications?page=2&pageSize=1")).ReadJson();
        Assert.Equal(first, Guid.Parse((string)paged["items"]!.AsArray().Single()!["id"]!));

        var all = await (await client.PostAsync("/api/notifications/read-all", null)).ReadJson();
        Assert.Equal(1, (int)all["marked"]!);
        Assert.Equal(0, await Unread(client));
    }

    [Fact]
    public async Task Someone_elses_notification_does_not_exist_for_you()
    {
        var (_, ownerId) = await NewPerson("own");
        var (otherName, _) = await NewPerson("peek");
        var theirs = await Send(ownerId, new NotificationMessage(ownerId, NotificationKinds.ReportMissing, "report_missing:2031-01-02", DueOn: new DateOnly(2031, 1, 2)));
        using var other = await app.WithPassword(otherName, Users.Password);

        var refused = await (await other.PostAsync($"/api/notifications/{theirs}/read", null)).Problem(HttpStatusCode.NotFound);
        Assert.Equal("notification.not_found", (string?)refused["code"]);
        Assert.Equal(0, (int)(await (await other.GetAsync("/api/notifications")).ReadJson())["total"]!);
        await (await other.PostAsync("/api/notifications/read-all", null)).ReadJson();
        await using var s = new SystemScope(app);
        Assert.Null(await s.Db.Unscoped<Notification>().Where(n => n.Id == theirs).Select(n => n.ReadAt).SingleAsync());
    }

    [Fact]
    public async Task Texts_follow_the_language_and_every_kind_is_translated()
    {
        var (name, id) = await NewPerson("lang");
        await Send(id, new NotificationMessage(id, NotificationKinds.Digest, "digest:2031-01-02", new DigestCounts(3, 2, 5, 1).ToSubject(), new DateOnly(2031, 1, 2), "/"));
        using var client = await app.WithPassword(name, Users.Password);
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        var page = await (await client.GetAsync("/api/notifications")).ReadJson();
        Assert.Equal("Summary for 2031-01-02: 3 unread notifications, 2 visits planned today, 5 accounts overdue for a visit, 1 open items due",
            (string?)page["items"]!.AsArray().Single()!["text"]);

        var localizer = app.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Kam.Web.Resources.SharedResource>>();
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            foreach (var culture in new[] { "zh-CN", "en-US" })
            {
                System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
                Assert.All(NotificationKinds.All, kind => Assert.False(localizer[kind].ResourceNotFound, $"{kind} in {culture}"));
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task Every_signed_in_user_has_a_notification_centre()
    {
        using var admin = await app.As("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/notifications/unread-count")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/notifications")).StatusCode);
    }

    private async Task<(string Name, Guid Id)> NewPerson(string prefix)
    {
        var name = await Users.Create(app, prefix);
        await using var s = new SystemScope(app);
        return (name, await s.Db.Unscoped<User>().Where(u => u.UserName == name).Select(u => u.Id).SingleAsync());
    }

    private async Task<Guid> Send(Guid userId, NotificationMessage message)
    {
        await using var s = new SystemScope(app);
        Assert.Equal(1, await s.Notifier(TimeProvider.System).SendAsync([message]));
        return await s.Db.Unscoped<Notification>().Where(n => n.UserId == userId && n.Key == message.Key).Select(n => n.Id).SingleAsync();
    }

    private static async Task<int> Unread(HttpClient client) =>
        (int)(await (await client.GetAsync("/api/notifications/unread-count")).ReadJson())["count"]!;
}
