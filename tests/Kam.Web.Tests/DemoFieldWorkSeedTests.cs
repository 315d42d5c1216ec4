using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.DailyReports;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Kam.Infrastructure.Data;
using Kam.Infrastructure.Seeding;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

/// <summary>
/// The demo department's generated field work is coherent: a year of visits whose records drive the visit clocks,
/// a mix of on-time, due-soon and overdue accounts, plans ahead, reports up to yesterday only, meetings and tasks.
/// Its own database (not the shared collection's), so no other test's visits or reports change what it sees.
/// </summary>
public sealed class DemoFieldWorkSeedTests(KamFactory app) : IClassFixture<KamFactory>
{
    [Fact]
    public async Task Visits_records_drive_the_visit_clocks_and_leave_some_accounts_overdue_and_some_due_soon()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        var am1 = await db.Unscoped<User>().SingleAsync(u => u.UserName == "am1");

        var visits = await db.Unscoped<Visit>().AsNoTracking().ToListAsync();
        var links = await db.Unscoped<VisitContact>().AsNoTracking().ToListAsync();
        var done = visits.Where(v => v.Status == VisitStatus.Done).ToList();
        Assert.Contains(done, v => v.UserId == am1.Id);
        Assert.All(done, v => Assert.True(v.Date < today && v.Date >= today.AddDays(-366), $"done visit on {v.Date}"));
        Assert.All(done, v => Assert.False(string.IsNullOrEmpty(v.Summary)));
        Assert.All(done, v => Assert.NotNull(v.RecordedAt));
        // Each record's date is the business date of its time.
        Assert.All(visits, v => Assert.Equal(v.Date, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(v.At, BusinessClock.Zone).DateTime)));
        var metByVisit = links.Where(l => l.Role == VisitContactRole.Met).ToLookup(l => l.VisitId);
        Assert.True(done.Count(v => metByVisit[v.Id].Any()) > done.Count * 9 / 10, "most records name the contacts met");
        Assert.Contains(visits, v => v.Status == VisitStatus.Planned && v.Date >= today && v.Date <= today.AddDays(14));
        Assert.All(visits.Where(v => v.Status == VisitStatus.Planned), v => Assert.True(v.Date >= today));
        Assert.Contains(visits, v => v.Status == VisitStatus.Cancelled && !string.IsNullOrEmpty(v.CancelReason));

        // The clocks agree with the records: last Done visit per account and per contact met.
        var lastVisit = done.GroupBy(v => v.AccountId).ToDictionary(g => g.Key, g => g.Max(v => v.Date));
        var accounts = await db.Unscoped<Account>().AsNoTracking().ToListAsync();
        Assert.True(lastVisit.Count > accounts.Count * 3 / 4, "most accounts have been visited");
        foreach (var account in accounts)
        {
            if (lastVisit.TryGetValue(account.Id, out var last))
            {
                Assert.Equal(last, account.LastVisitOn);
                Assert.Equal(last, account.VisitDueBase);
            }
            else
            {
                Assert.Null(account.LastVisitOn);
            }
        }
        var doneIds = done.ToDictionary(v => v.Id, v => v.Date);
        var lastContact = links.Where(l => l.Role == VisitContactRole.Met && doneIds.ContainsKey(l.VisitId))
            .GroupBy(l => l.ContactId).ToDictionary(g => g.Key, g => g.Max(l => doneIds[l.VisitId]));
        foreach (var contact in await db.Unscoped<Contact>().AsNoTracking().ToListAsync())
            Assert.Equal(lastContact.TryGetValue(contact.Id, out var met) ? met : null, contact.LastContactedOn);

        // The schedule finds work to do: overdue accounts, accounts due within three days, for am1 as well.
        var policy = new VisitPolicy();
        Assert.True(await db.Unscoped<Account>().Overdue(policy, today).CountAsync() >= 10);
        Assert.True(await db.Unscoped<Account>().DueWithin(policy, today, 3).CountAsync() >= 5);
        Assert.True(await db.Unscoped<Account>().Where(a => a.OwnerId == am1.Id).Overdue(policy, today).AnyAsync());
        var onTime = await db.Unscoped<Account>().CountAsync() - await db.Unscoped<Account>().DueBy(policy, today.AddDays(3)).CountAsync();
        Assert.True(onTime > accounts.Count / 2, "most accounts are on time");
    }

    [Fact]
    public async Task Reports_stop_at_yesterday_and_meetings_and_tasks_are_in_every_state()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();
        var ids = await db.Unscoped<User>().Where(u => u.UserName!.StartsWith("am")).ToDictionaryAsync(u => u.UserName!, u => u.Id);

        var reports = await db.Unscoped<DailyReport>().AsNoTracking().ToListAsync();
        Assert.DoesNotContain(reports, r => r.Date >= today);
        Assert.DoesNotContain(reports, r => r.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        foreach (var am in new[] { "am1", "am2", "am3", "am4" })
        {
            var own = reports.Where(r => r.UserId == ids[am]).ToList();
            Assert.True(own.Count > 200, $"{am} has a year of reports");
            Assert.Contains(own, r => r.Status == DailyReportStatus.Reviewed && r.ReviewComment is not null && r.ReviewedAt > r.SubmittedAt);
        }
        Assert.All(reports.Where(r => r.Status != DailyReportStatus.Draft), r => Assert.NotNull(r.SubmittedAt));
        Assert.NotEmpty(await db.Unscoped<DaySummary>().ToListAsync());

        var meetings = await db.Unscoped<Meeting>().AsNoTracking().Include(m => m.Attendees).ToListAsync();
        Assert.Equal(12, meetings.Count);
        Assert.All(meetings, m => Assert.False(string.IsNullOrEmpty(m.Minutes)));
        var items = await db.Unscoped<WorkItem>().AsNoTracking().ToListAsync();
        Assert.All(meetings, m => Assert.Contains(items, i => i.MeetingId == m.Id && i.Kind == WorkItemKind.ActionItem));
        var tasks = items.Where(i => i.Kind == WorkItemKind.Task).ToList();
        Assert.Contains(tasks, t => t.Status == WorkItemStatus.Done && t.DoneAt is not null);
        Assert.Contains(items, t => t.Status is WorkItemStatus.Open or WorkItemStatus.InProgress && t.DueOn < today);
        Assert.Contains(items, t => t.Status is WorkItemStatus.Open or WorkItemStatus.InProgress && t.DueOn >= today);
        Assert.NotEmpty(await db.Unscoped<WorkItemNote>().ToListAsync());
    }

    [Fact]
    public async Task Seeding_again_adds_nothing()
    {
        int visits, reports, items;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
            (visits, reports, items) = (await db.Unscoped<Visit>().CountAsync(), await db.Unscoped<DailyReport>().CountAsync(), await db.Unscoped<WorkItem>().CountAsync());
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
            Assert.Equal(visits, await db.Unscoped<Visit>().CountAsync());
            Assert.Equal(reports, await db.Unscoped<DailyReport>().CountAsync());
            Assert.Equal(items, await db.Unscoped<WorkItem>().CountAsync());
        }
    }
}
