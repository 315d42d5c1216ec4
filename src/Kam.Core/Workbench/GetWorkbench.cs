using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.DailyReports;
using Kam.Core.Identity;
using Kam.Core.Ledger;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Workbench;

/// <summary>Builds the workbench for the caller's roles; every figure read through the same scopes as the lists.</summary>
public sealed class GetWorkbench(IKamDb db, ICurrentUser me, TimeProvider clock, OverdueVisits overdue, GetDealsDesk deals, Service.GetServiceDesk service)
{
    private static readonly WorkItemStatus[] Open = [WorkItemStatus.Open, WorkItemStatus.InProgress];

    public async Task<WorkbenchView> Handle(CancellationToken ct = default)
    {
        var today = clock.Today();
        var manager = me.IsInRole(Roles.AccountManager) && me.Id is not null ? await Manager(me.Id.Value, today, ct) : null;
        var wantsDepartment = me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);
        var wantsMonth = me.IsInRole(Roles.Executive) || me.IsInRole(Roles.Head);
        var overdueByOwner = wantsDepartment || wantsMonth ? await overdue.CountByOwner(ct) : [];
        var department = wantsDepartment ? await Department(today, overdueByOwner, ct) : null;
        var month = wantsMonth ? await Month(today, overdueByOwner.Sum(o => o.Count), ct) : null;
        return new WorkbenchView(today, manager, department, month, await deals.Handle(ct), await service.Handle(ct));
    }

    private async Task<ManagerDesk> Manager(Guid userId, DateOnly today, CancellationToken ct)
    {
        var plans = await (from v in db.Read<Visit>().AsNoTracking()
                           where v.UserId == userId && v.Status == VisitStatus.Planned && v.Date == today
                           join a in db.Unscoped<Account>() on v.AccountId equals a.Id
                           orderby v.At
                           select new PlanItem(v.Id, v.AccountId, a.Name, v.At, v.Purpose)).Take(20).ToListAsync(ct);
        var overdueList = await overdue.List(new OverdueQuery(OwnerId: userId, PageSize: 5), ct);
        var dueSoon = await overdue.List(new OverdueQuery(OwnerId: userId, DueSoon: true, PageSize: 1), ct);
        var items = db.Unscoped<WorkItem>().AsNoTracking().Where(w => w.OwnerId == userId && Open.Contains(w.Status));
        var openCount = await items.CountAsync(ct);
        var openItems = await Briefs(items.OrderBy(w => w.DueOn).Take(8), today, ct);
        var unread = db.Unscoped<Notification>().AsNoTracking().Where(n => n.UserId == userId && n.ReadAt == null);
        var unreadCount = await unread.CountAsync(ct);
        var latest = await unread.OrderByDescending(n => n.CreatedAt).Take(5)
            .Select(n => new NotificationBrief(n.Id, n.Kind, n.Subject, n.DueOn, n.Link, n.CreatedAt)).ToListAsync(ct);
        var submitted = await db.Unscoped<DailyReport>().AsNoTracking()
            .AnyAsync(r => r.UserId == userId && r.Date == today && r.Status != DailyReportStatus.Draft, ct);

        var first = new DateOnly(today.Year, today.Month, 1);
        var mine = db.Unscoped<Visit>().AsNoTracking().Where(v => v.UserId == userId && v.Date >= first && v.Date <= first.AddMonths(1).AddDays(-1));
        var done = await mine.CountAsync(v => v.Status == VisitStatus.Done, ct);
        var planned = await mine.CountAsync(v => v.Status == VisitStatus.Planned, ct);
        var reports = await db.Unscoped<DailyReport>().AsNoTracking()
            .CountAsync(r => r.UserId == userId && r.Date >= first && r.Date <= today && r.Status != DailyReportStatus.Draft, ct);
        var firstInstant = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), BusinessClock.Zone.GetUtcOffset(first.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
        var itemsDone = await db.Unscoped<WorkItem>().AsNoTracking().CountAsync(w => w.OwnerId == userId && w.Status == WorkItemStatus.Done && w.DoneAt >= firstInstant, ct);
        return new ManagerDesk(plans, overdueList.Total, dueSoon.Total, overdueList.Items, openCount, openItems, unreadCount, latest, submitted,
            new ManagerCounts(done, planned, reports, WorkingDays(first, today), itemsDone));
    }

    private async Task<DepartmentDesk> Department(DateOnly today, IReadOnlyList<(Guid OwnerId, int Count)> overdueByOwner, CancellationToken ct)
    {
        var managers = await ActiveManagers(ct);
        var names = managers.ToDictionary(p => p.Id);
        var byPerson = overdueByOwner.Select(o => new PersonCount(names.TryGetValue(o.OwnerId, out var p) ? p : new Person(o.OwnerId, "?"), o.Count)).ToList();
        var submittedIds = (await db.Unscoped<DailyReport>().AsNoTracking().Where(r => r.Date == today && r.Status != DailyReportStatus.Draft)
            .Select(r => r.UserId).ToListAsync(ct)).ToHashSet();
        var awaiting = await db.Unscoped<DailyReport>().AsNoTracking().CountAsync(r => r.Status == DailyReportStatus.Submitted, ct);
        var overdueItems = db.Unscoped<WorkItem>().AsNoTracking().Where(w => Open.Contains(w.Status) && w.DueOn < today);
        var overdueItemCount = await overdueItems.CountAsync(ct);
        var overdueItemList = await Briefs(overdueItems.OrderBy(w => w.DueOn).Take(10), today, ct);

        var first = new DateOnly(today.Year, today.Month, 1);
        // The month's completed visits per person from the ledger's per-person days (a few hundred rows).
        var done = LedgerMetric.VisitDone;
        var visits = await db.Unscoped<LedgerDay>().AsNoTracking().Where(d => d.Metric == done && d.Day >= first && d.Day <= today)
            .GroupBy(d => d.PersonId).Select(g => new { g.Key, Count = g.Sum(d => d.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var perPerson = managers.Select(m => new PersonCount(m, visits.GetValueOrDefault(m.Id)))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Person.DisplayName).ToList();
        return new DepartmentDesk(byPerson, byPerson.Sum(p => p.Count),
            managers.Where(m => submittedIds.Contains(m.Id)).ToList(), managers.Where(m => !submittedIds.Contains(m.Id)).ToList(),
            awaiting, overdueItemCount, overdueItemList, perPerson);
    }

    /// <summary>Weeks in the visits chart: a rolling view, never one lonely bar early in a month.</summary>
    public const int ChartWeeks = 8;

    private async Task<MonthGlance> Month(DateOnly today, int overdueTotal, CancellationToken ct)
    {
        var first = new DateOnly(today.Year, today.Month, 1);
        var lastFirst = first.AddMonths(-1);
        var lastSame = lastFirst.AddDays(Math.Min(today.Day, DateTime.DaysInMonth(lastFirst.Year, lastFirst.Month)) - 1);
        // Completed visits from the department's days of the ledger.
        var visitDone = LedgerMetric.VisitDone;
        var done = db.Unscoped<LedgerTotal>().AsNoTracking().Where(d => d.Metric == visitDone);
        // The last eight weeks (Monday first), which always hold this month: one read serves the chart and the month.
        var thisWeek = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var since = thisWeek.AddDays(-7 * (ChartWeeks - 1));
        var days = await done.Where(d => d.Day >= since && d.Day <= today).GroupBy(d => d.Day)
            .Select(g => new { g.Key, Count = g.Sum(d => d.Count) }).ToListAsync(ct);
        var thisMonth = days.Where(d => d.Key >= first).ToList();
        var lastMonth = await done.Where(d => d.Day >= lastFirst && d.Day <= lastSame).SumAsync(d => d.Count, ct);
        var tiers = await db.Read<Account>().AsNoTracking().Where(a => a.ArchivedAt == null).GroupBy(a => a.Tier)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var managers = await ActiveManagers(ct);
        var reports = await db.Unscoped<DailyReport>().AsNoTracking().CountAsync(r => r.Date >= first && r.Date <= today && r.Status != DailyReportStatus.Draft, ct);
        var open = await db.Unscoped<WorkItem>().AsNoTracking().CountAsync(w => Open.Contains(w.Status), ct);
        var overdueItems = await db.Unscoped<WorkItem>().AsNoTracking().CountAsync(w => Open.Contains(w.Status) && w.DueOn < today, ct);
        var weeks = Enumerable.Range(0, ChartWeeks).Select(i => since.AddDays(7 * i))
            .Select(w => new WeekCount(w, days.Where(d => d.Key >= w && d.Key < w.AddDays(7)).Sum(d => d.Count))).ToList();
        return new MonthGlance(thisMonth.Sum(d => d.Count), lastMonth, tiers.Sum(t => t.Count),
            Enum.GetValues<AccountTier>().Select(t => new TierCount(t, tiers.FirstOrDefault(x => x.Key == t)?.Count ?? 0)).ToList(),
            overdueTotal, reports, managers.Count * WorkingDays(first, today), open, overdueItems, weeks);
    }

    private async Task<List<Person>> ActiveManagers(CancellationToken ct) =>
        await (from u in db.Unscoped<User>().AsNoTracking()
               where u.IsActive
               join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
               join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
               where r.Name == Roles.AccountManager
               orderby u.DisplayName
               select new Person(u.Id, u.DisplayName)).ToListAsync(ct);

    private async Task<IReadOnlyList<WorkItemBrief>> Briefs(IQueryable<WorkItem> items, DateOnly today, CancellationToken ct) =>
        (await (from w in items
                join u in db.Unscoped<User>() on w.OwnerId equals u.Id
                select new { w.Id, w.Title, w.Kind, w.Status, w.DueOn, w.OwnerId, u.DisplayName }).ToListAsync(ct))
        .Select(w => new WorkItemBrief(w.Id, w.Title, w.Kind, w.Status, w.DueOn, new Person(w.OwnerId, w.DisplayName), w.DueOn < today))
        .ToList();

    /// <summary>Monday to Friday from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public static int WorkingDays(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                days++;
        }
        return days;
    }
}
