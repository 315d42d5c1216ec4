using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.DailyReports;
using Kam.Core.Expenses;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests;

/// <summary>The reminders at chosen moments of a fake clock: who gets what, once per occasion.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReminderTests(KamFactory app)
{
    // A Wednesday; each test uses its own weeks so their occasions never meet.
    private static readonly DateOnly Wednesday = new(2031, 3, 5);

    [Fact]
    public async Task Visits_due_soon_and_just_overdue_reach_the_owner_once()
    {
        var today = Wednesday;
        var (owner, ownerId) = await NewManager("vowner");
        using var client = await app.WithPassword(owner, Users.Password);
        var dueSoon = await NewAccount(client);
        var justOverdue = await NewAccount(client);
        var longOverdue = await NewAccount(client);
        await using (var s = new SystemScope(app))
        {
            var policy = await new Settings(s.Db).GetAsync(VisitPolicy.SettingKey, new VisitPolicy());
            await SetVisitClock(s.Db, dueSoon, AccountTier.A, today.AddDays(2 - policy.A));
            await SetVisitClock(s.Db, justOverdue, AccountTier.B, today.AddDays(-3 - policy.B));
            await SetVisitClock(s.Db, longOverdue, AccountTier.A, today.AddDays(-40 - policy.A));
        }

        var clock = SystemScope.At(today, 9, 15);
        ReminderRun first, second;
        await using (var s = new SystemScope(app))
            first = await s.Reminders(clock).RunAsync();
        await using (var s = new SystemScope(app))
            second = await s.Reminders(clock).RunAsync();

        Assert.True(first.VisitsDue >= 1 && first.VisitsOverdue >= 1, first.ToString());
        Assert.Equal(0, second.Total);
        var due = Assert.Single(await Sent(dueSoon));
        Assert.Equal((ownerId, NotificationKinds.VisitDue, today.AddDays(2)), (due.UserId, due.Kind, due.DueOn));
        Assert.Equal($"visit_due:{dueSoon}:{today.AddDays(2):yyyy-MM-dd}", due.Key);
        Assert.Equal($"/accounts/{dueSoon}", due.Link);
        var overdue = Assert.Single(await Sent(justOverdue));
        Assert.Equal((ownerId, NotificationKinds.VisitOverdue, today.AddDays(-3)), (overdue.UserId, overdue.Kind, overdue.DueOn));
        // Overdue for weeks: no per-account message (the digest counts it), however often the job runs.
        Assert.Empty(await Sent(longOverdue));

        // The next days: still overdue, but the occasion (account, due date) was announced already.
        await using (var s = new SystemScope(app))
            await s.Reminders(SystemScope.At(today.AddDays(1), 9, 15)).RunAsync();
        Assert.Single(await Sent(justOverdue));
        Assert.Single(await Sent(dueSoon));
    }

    [Fact]
    public async Task The_daily_report_reminder_fires_after_20_00_on_a_working_day_for_those_who_did_not_submit()
    {
        var today = Wednesday.AddDays(7);
        var (_, silent) = await NewManager("silent");
        var (_, drafted) = await NewManager("drafted");
        var (_, submitted) = await NewManager("submitted");
        await using (var s = new SystemScope(app))
        {
            s.Db.Unscoped<DailyReport>().Add(new DailyReport { UserId = drafted, Date = today, Status = DailyReportStatus.Draft });
            s.Db.Unscoped<DailyReport>().Add(new DailyReport { UserId = submitted, Date = today, Status = DailyReportStatus.Submitted, SubmittedAt = DateTimeOffset.UtcNow });
            await s.Db.SaveChangesAsync();
        }

        await using (var s = new SystemScope(app))
            Assert.Equal(0, (await s.Reminders(SystemScope.At(today, 19, 59)).RunAsync()).ReportsMissing);
        Assert.Empty(await ReportReminders(silent));

        await using (var s = new SystemScope(app))
            await s.Reminders(SystemScope.At(today, 20, 0)).RunAsync();
        await using (var s = new SystemScope(app))
            Assert.Equal(0, (await s.Reminders(SystemScope.At(today, 21, 45)).RunAsync()).ReportsMissing);
        var reminder = Assert.Single(await ReportReminders(silent));
        Assert.Equal((NotificationKinds.ReportMissing, $"report_missing:{today:yyyy-MM-dd}", today), (reminder.Kind, reminder.Key, reminder.DueOn));
        Assert.Single(await ReportReminders(drafted));
        Assert.Empty(await ReportReminders(submitted));
        // Only account managers write daily reports.
        Assert.Empty(await ReportReminders(await IdOf("head")));

        // Saturday evening is no working day.
        await using (var s = new SystemScope(app))
            Assert.Equal(0, (await s.Reminders(SystemScope.At(today.AddDays(3), 21, 0)).RunAsync()).ReportsMissing);
        Assert.Single(await ReportReminders(silent));
    }

    [Fact]
    public async Task Open_work_items_due_tomorrow_and_overdue_remind_their_owner()
    {
        var today = Wednesday.AddDays(14);
        var (_, owner) = await NewManager("tasker");
        var head = await IdOf("head");
        Guid tomorrow, late, done, cancelled;
        await using (var s = new SystemScope(app))
        {
            WorkItem Item(string title, DateOnly dueOn, WorkItemStatus status) =>
                new() { Kind = WorkItemKind.Task, Title = title, OwnerId = owner, AssignerId = head, DueOn = dueOn, Status = status };
            var items = new[]
            {
                Item("明天交方案", today.AddDays(1), WorkItemStatus.Open),
                Item("回款跟进", today.AddDays(-2), WorkItemStatus.InProgress),
                Item("已完成的事", today.AddDays(-2), WorkItemStatus.Done),
                Item("取消的事", today.AddDays(1), WorkItemStatus.Cancelled),
            };
            s.Db.Unscoped<WorkItem>().AddRange(items);
            await s.Db.SaveChangesAsync();
            (tomorrow, late, done, cancelled) = (items[0].Id, items[1].Id, items[2].Id, items[3].Id);
        }

        await using (var s = new SystemScope(app))
            await s.Reminders(SystemScope.At(today, 8, 0)).RunAsync();
        await using (var s = new SystemScope(app))
            await s.Reminders(SystemScope.At(today, 8, 15)).RunAsync();

        var due = Assert.Single(await Sent(tomorrow));
        Assert.Equal((owner, NotificationKinds.TaskDue, "明天交方案", today.AddDays(1)), (due.UserId, due.Kind, due.Subject, due.DueOn));
        var overdue = Assert.Single(await Sent(late));
        Assert.Equal((owner, NotificationKinds.TaskOverdue, today.AddDays(-2)), (overdue.UserId, overdue.Kind, overdue.DueOn));
        Assert.Empty(await Sent(done));
        Assert.Empty(await Sent(cancelled));
    }

    [Fact]
    public async Task The_morning_digest_counts_a_persons_day_once_and_only_on_working_days()
    {
        var today = Wednesday.AddDays(21);
        var (name, person) = await NewManager("digest");
        var (_, idle) = await NewManager("idle");
        using var client = await app.WithPassword(name, Users.Password);
        var account = await NewAccount(client); // entered the archive years before the fake "today": overdue
        await using (var s = new SystemScope(app))
        {
            var at = new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUniversalTime();
            s.Db.Unscoped<Visit>().Add(new Visit { AccountId = account, UserId = person, Status = VisitStatus.Planned, At = at, Date = today, PlannedAt = at });
            s.Db.Unscoped<WorkItem>().Add(new WorkItem { Title = "今天到期", OwnerId = person, AssignerId = person, DueOn = today, Status = WorkItemStatus.Open });
            await s.Db.SaveChangesAsync();
        }

        await using (var s = new SystemScope(app))
            Assert.Equal(0, await s.Digest(SystemScope.At(today.AddDays(-4), 7, 30)).SendAsync()); // a Saturday
        await using (var s = new SystemScope(app))
            await s.Digest(SystemScope.At(today, 7, 30)).SendAsync();
        await using (var s = new SystemScope(app))
            await s.Digest(SystemScope.At(today, 7, 31)).SendAsync();

        await using var check = new SystemScope(app);
        var digest = Assert.Single(await check.Db.Unscoped<Notification>().Where(n => n.UserId == person && n.Kind == NotificationKinds.Digest).ToListAsync());
        Assert.Equal($"digest:{today:yyyy-MM-dd}", digest.Key);
        Assert.Equal(new DigestCounts(0, 1, 1, 1), DigestCounts.Parse(digest.Subject));
        Assert.False(await check.Db.Unscoped<Notification>().AnyAsync(n => n.UserId == idle && n.Kind == NotificationKinds.Digest));
    }

    [Fact]
    public async Task Reminders_running_at_the_same_time_in_two_scopes_write_each_occasion_once()
    {
        var today = Wednesday.AddDays(28);
        var (owner, ownerId) = await NewManager("race");
        using var client = await app.WithPassword(owner, Users.Password);
        var accounts = new List<Guid>();
        await using (var s = new SystemScope(app))
        {
            var policy = await new Settings(s.Db).GetAsync(VisitPolicy.SettingKey, new VisitPolicy());
            for (var i = 0; i < 5; i++)
            {
                var id = await NewAccount(client);
                await SetVisitClock(s.Db, id, AccountTier.C, today.AddDays(1 - policy.C));
                accounts.Add(id);
            }
        }

        var clock = SystemScope.At(today, 20, 15);
        await using var one = new SystemScope(app);
        await using var two = new SystemScope(app);
        var runs = await Task.WhenAll(one.Reminders(clock).RunAsync(), two.Reminders(clock).RunAsync());

        foreach (var account in accounts)
            Assert.Equal(ownerId, Assert.Single(await Sent(account)).UserId);
        Assert.Single(await ReportReminders(ownerId));
        // Each run counts only what it wrote itself: together they wrote every row of this moment, none twice.
        await using var check = new SystemScope(app);
        var now = clock.GetUtcNow();
        Assert.Equal(await check.Db.Unscoped<Notification>().CountAsync(n => n.CreatedAt == now), runs.Sum(r => r.Total));
    }

    [Fact]
    public async Task The_assistant_hears_once_a_day_of_claims_waiting_to_be_paid_and_the_head_of_claims_waiting_for_a_decision()
    {
        // A day of its own (before the e-mail tests' clock, so these messages are never among their new ones): claims
        // approved and submitted a week earlier by a fake clock.
        var today = new DateOnly(2030, 9, 18);
        var assistant = await IdOf("assistant");
        var head = await IdOf("head");
        var am1 = await IdOf("am1");
        var week = SystemScope.At(today.AddDays(-7), 10).GetUtcNow();
        await using (var s = new SystemScope(app))
        {
            s.Db.Unscoped<ExpenseClaim>().Add(new ExpenseClaim
            {
                Number = "BX-2030-R" + Random.Shared.Next(100000),
                ClaimantId = am1,
                Title = "待付款",
                Status = ClaimStatus.Approved,
                Total = 123.45m,
                SubmittedAt = week,
                DecidedAt = week
            });
            s.Db.Unscoped<ExpenseClaim>().Add(new ExpenseClaim
            {
                Number = "BX-2030-W" + Random.Shared.Next(100000),
                ClaimantId = am1,
                Title = "待审批",
                Status = ClaimStatus.Submitted,
                Total = 10m,
                SubmittedAt = week
            });
            await s.Db.SaveChangesAsync();
        }
        var clock = SystemScope.At(today, 9, 15);
        int first, second;
        await using (var s = new SystemScope(app))
            first = await s.Notifier(clock).SendAsync(await s.Build<ExpenseReminders>(clock).MessagesAsync());
        await using (var s = new SystemScope(app))
            second = await s.Notifier(clock).SendAsync(await s.Build<ExpenseReminders>(clock).MessagesAsync());
        Assert.True(first >= 2, $"{first} sent");
        Assert.Equal(0, second);
        await using (var s = new SystemScope(app))
        {
            var unpaid = await s.Db.Unscoped<Notification>().SingleAsync(n => n.UserId == assistant && n.Key == "claims_unpaid:2030-09-18");
            Assert.Equal((NotificationKinds.ClaimsUnpaid, "/expenses?status=Approved"), (unpaid.Kind, unpaid.Link));
            Assert.Contains("待付款", unpaid.Subject);
            Assert.True(await s.Db.Unscoped<Notification>().AnyAsync(n => n.UserId == head && n.Key == "claims_waiting:2030-09-18" && n.Kind == NotificationKinds.ClaimsWaiting));
        }
    }

    private async Task<(string UserName, Guid Id)> NewManager(string prefix)
    {
        var name = await Users.Create(app, prefix);
        return (name, await IdOf(name));
    }

    private async Task<Guid> IdOf(string userName)
    {
        await using var s = new SystemScope(app);
        return await s.Db.Unscoped<User>().Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Guid> NewAccount(HttpClient client) => Guid.Parse((string)(await Accounts.Create(client))["id"]!);

    private static Task SetVisitClock(IKamDb db, Guid account, AccountTier tier, DateOnly visitDueBase) =>
        db.Unscoped<Account>().Where(a => a.Id == account)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Tier, tier).SetProperty(a => a.VisitDueBase, visitDueBase));

    /// <summary>The notifications whose occasion names this account or work item.</summary>
    private async Task<List<Notification>> Sent(Guid subject)
    {
        await using var s = new SystemScope(app);
        var fragment = $":{subject}:";
        return await s.Db.Unscoped<Notification>().Where(n => n.Key.Contains(fragment)).ToListAsync();
    }

    private async Task<List<Notification>> ReportReminders(Guid userId)
    {
        await using var s = new SystemScope(app);
        return await s.Db.Unscoped<Notification>().Where(n => n.UserId == userId && n.Kind == NotificationKinds.ReportMissing).ToListAsync();
    }
}
