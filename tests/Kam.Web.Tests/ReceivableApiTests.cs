using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kam.Core.Exports;
using Kam.Core.Notifications;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Kam.Web.Tests;

/// <summary>Receivables: due, overdue by aging bucket, collected; per account, per person and for the department.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReceivableApiTests(KamFactory app)
{
    private static DateOnly Today => PaymentData.Today;

    /// <summary>One account with an instalment in every bucket (and on both edges of the first), one settled, one part paid today.</summary>
    private async Task<Guid> AgedAccount(HttpClient owner)
    {
        var accountId = await PaymentData.AccountOf(owner);
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(5), 1000m);     // due
        await PaymentData.Instalment(app, accountId, null, Today, 50m);                  // due today: not overdue
        var partly = await PaymentData.Instalment(app, accountId, null, Today.AddDays(-10), 500m); // 0-30 after 300 paid
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-30), 10m);     // 0-30
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-31), 20m);     // 31-60
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-45), 300m);    // 31-60
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-75), 400m);    // 61-90
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-91), 500m);    // 90+
        await PaymentData.Instalment(app, accountId, null, Today.AddDays(-200), 700m, collected: 700m); // settled
        using var head = await app.As("head");
        var paid = await head.PostAsJsonAsync("/api/payments", new { instalmentId = partly, amount = 300m, receivedOn = Today, method = "BankTransfer" });
        Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        return accountId;
    }

    private static void AssertFigures(JsonNode f, decimal due, decimal d30, decimal d60, decimal d90, decimal over, decimal collected)
    {
        var overdue = d30 + d60 + d90 + over;
        Assert.Equal((due + overdue, due, overdue, d30, d60, d90, over, collected, collected),
            ((decimal)f["open"]!, (decimal)f["due"]!, (decimal)f["overdue"]!, (decimal)f["days0To30"]!, (decimal)f["days31To60"]!,
                (decimal)f["days61To90"]!, (decimal)f["daysOver90"]!, (decimal)f["collectedThisMonth"]!, (decimal)f["collectedThisYear"]!));
    }

    [Fact]
    public async Task An_accounts_receivables_split_overdue_amounts_into_aging_buckets_by_days_past_due()
    {
        using var am1 = await app.As("am1");
        var accountId = await AgedAccount(am1);

        var summary = await (await am1.GetAsync($"/api/receivables?accountId={accountId}")).ReadJson();

        Assert.Equal(Today.ToString("yyyy-MM-dd"), (string?)summary["asOf"]);
        AssertFigures(summary["total"]!, due: 1050m, d30: 210m, d60: 320m, d90: 400m, over: 500m, collected: 300m);
        Assert.Equal(8, (int)summary["total"]!["openCount"]!);
        Assert.Equal(6, (int)summary["total"]!["overdueCount"]!);

        var bucket = await (await am1.GetAsync($"/api/receivables/instalments?accountId={accountId}&bucket=31-60")).ReadJson();
        Assert.Equal(new[] { (45, 300m), (31, 20m) }, bucket["items"]!.AsArray().Select(i => ((int)i!["daysOverdue"]!, (decimal)i["open"]!)));
        var paged = await (await am1.GetAsync($"/api/receivables/instalments?accountId={accountId}&pageSize=3&page=3&sort=dueOn")).ReadJson();
        Assert.Equal(8, (int)paged["total"]!);
        Assert.Equal(new[] { 50m, 1000m }, paged["items"]!.AsArray().Select(i => (decimal)i!["amount"]!));
        var partly = await (await am1.GetAsync($"/api/receivables/instalments?accountId={accountId}&bucket=0-30&sort=-dueOn")).ReadJson();
        Assert.Equal(new[] { (500m, 300m, 200m), (10m, 0m, 10m) },
            partly["items"]!.AsArray().Select(i => ((decimal)i!["amount"]!, (decimal)i["collected"]!, (decimal)i["open"]!)));
    }

    [Fact]
    public async Task Receivables_group_by_person_and_account_and_each_manager_sees_only_their_scope()
    {
        var managerName = await Users.Create(app, "recv");
        using var manager = await app.WithPassword(managerName, Users.Password);
        using var admin = await app.As("admin");
        var managerId = await Users.IdOf(admin, managerName);
        var first = await AgedAccount(manager);
        var second = await PaymentData.AccountOf(manager);
        await PaymentData.Instalment(app, second, null, Today.AddDays(-3), 100m);
        using var head = await app.As("head");

        var byPerson = await (await head.GetAsync($"/api/receivables?ownerId={managerId}&groupBy=person")).ReadJson();
        var person = Assert.Single(byPerson["groups"]!.AsArray());
        Assert.Equal((managerId.ToString(), "测试recv"), ((string?)person!["id"], (string?)person["name"]));
        AssertFigures(person["figures"]!, due: 1050m, d30: 310m, d60: 320m, d90: 400m, over: 500m, collected: 300m);
        AssertFigures(byPerson["total"]!, due: 1050m, d30: 310m, d60: 320m, d90: 400m, over: 500m, collected: 300m);

        var byAccount = await (await head.GetAsync($"/api/receivables?ownerId={managerId}&groupBy=account")).ReadJson();
        Assert.Equal(new[] { (first.ToString(), 1430m), (second.ToString(), 100m) },
            byAccount["groups"]!.AsArray().Select(g => ((string)g!["id"]!, (decimal)g["figures"]!["overdue"]!)));

        // The department as a manager sees it: their own accounts only; another's account is not found.
        using var am1 = await app.As("am1");
        var am1Accounts = await (await am1.GetAsync("/api/receivables?groupBy=account")).ReadJson();
        Assert.DoesNotContain(am1Accounts["groups"]!.AsArray(), g => (string?)g!["id"] == first.ToString());
        await (await am1.GetAsync($"/api/receivables?accountId={first}")).Problem(HttpStatusCode.NotFound);
        await (await am1.GetAsync($"/api/receivables/instalments?accountId={first}")).Problem(HttpStatusCode.NotFound);
        var department = await (await head.GetAsync("/api/receivables?groupBy=person")).ReadJson();
        Assert.Contains(department["groups"]!.AsArray(), g => (string?)g!["id"] == managerId.ToString());
        Assert.True((decimal)department["total"]!["overdue"]! >= 1530m);
        await (await admin.GetAsync("/api/receivables")).Problem(HttpStatusCode.Forbidden);
        await (await head.GetAsync("/api/receivables?groupBy=team")).Problem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Receivables_and_payments_export_to_xlsx_and_each_export_is_logged()
    {
        using var am1 = await app.As("am1");
        var accountId = await AgedAccount(am1);

        var receivables = await am1.GetAsync($"/api/receivables/export?accountId={accountId}");
        var payments = await am1.GetAsync($"/api/payments/export?accountId={accountId}");

        foreach (var response in new[] { receivables, payments })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal((byte)'P', bytes[0]); // a zip: the .xlsx container
        }
        var logged = await app.Read(db => db.Unscoped<ExportLog>().Where(e => e.Filter!.Contains(accountId.ToString()))
            .Select(e => new { e.Kind, e.Rows }).ToListAsync());
        Assert.Contains(new { Kind = "receivables", Rows = 8 }, logged);
        Assert.Contains(new { Kind = "payments", Rows = 1 }, logged);
    }

    [Fact]
    public async Task Instalments_falling_due_within_a_week_and_just_overdue_are_reminded_to_the_owner_once()
    {
        var today = new DateOnly(2032, 6, 9);
        var managerName = await Users.Create(app, "remind");
        using var manager = await app.WithPassword(managerName, Users.Password);
        using var admin = await app.As("admin");
        var ownerId = await Users.IdOf(admin, managerName);
        var accountId = await PaymentData.AccountOf(manager);
        var soon = await PaymentData.Instalment(app, accountId, null, today.AddDays(7), 100m);
        var later = await PaymentData.Instalment(app, accountId, null, today.AddDays(8), 100m);
        var justLate = await PaymentData.Instalment(app, accountId, null, today.AddDays(-1), 100m);
        var paid = await PaymentData.Instalment(app, accountId, null, today.AddDays(2), 100m, collected: 100m);
        FakeTimeProvider clock = SystemScope.At(today, 9, 15);

        await using (var s = new SystemScope(app))
            Assert.True((await s.Reminders(clock).RunAsync()).Instalments >= 2);
        await using (var s = new SystemScope(app))
            await s.Reminders(clock).RunAsync();

        var sent = await app.Read(db => db.Unscoped<Notification>().Where(n => n.UserId == ownerId).Select(n => new { n.Kind, n.Key, n.DueOn, n.Link }).ToListAsync());
        Assert.Equal(2, sent.Count);
        Assert.Contains(new
        {
            Kind = NotificationKinds.InstalmentDue,
            Key = $"instalment_due:{soon}:{today.AddDays(7):yyyy-MM-dd}",
            DueOn = (DateOnly?)today.AddDays(7),
            Link = (string?)$"/accounts/{accountId}?tab=payments"
        }, sent);
        Assert.Contains(sent, n => n.Kind == NotificationKinds.InstalmentOverdue && n.Key == $"instalment_overdue:{justLate}:{today.AddDays(-1):yyyy-MM-dd}");
        Assert.DoesNotContain(sent, n => n.Key.Contains(later.ToString()) || n.Key.Contains(paid.ToString()));
    }
}
