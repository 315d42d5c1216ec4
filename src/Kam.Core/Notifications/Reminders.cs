using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.DailyReports;
using Kam.Core.Identity;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Notifications;

/// <summary>How many reminders of each kind one run sent for the first time.</summary>
public sealed record ReminderRun(int VisitsDue, int VisitsOverdue, int ReportsMissing, int TasksDue, int TasksOverdue, int ContractsExpiring = 0)
{
    /// <summary>Instalments falling due soon or just overdue (see <see cref="Payments.InstalmentReminders"/>).</summary>
    public int Instalments { get; init; }

    /// <summary>Targets behind schedule, reached or beaten (see <see cref="Targets.TargetReminders"/>).</summary>
    public int Targets { get; init; }

    /// <summary>Claims waiting to be paid or decided (see <see cref="Expenses.ExpenseReminders"/>).</summary>
    public int Expenses { get; init; }

    /// <summary>Cases near or past a deadline (see <see cref="Service.ServiceReminders"/>).</summary>
    public int Cases { get; init; }

    /// <summary>Appraisal notices: the month's sheets opened for the heads to rate (see <see cref="Appraisals.AppraisalReminders"/>).</summary>
    public int Appraisals { get; init; }

    public int Total => VisitsDue + VisitsOverdue + ReportsMissing + TasksDue + TasksOverdue + ContractsExpiring + Instalments + Targets + Expenses + Cases + Appraisals;
}

/// <summary>
/// The reminders due at this moment (run by the scheduler every 15 minutes, as the system). Every reminder names its
/// occasion in its key, so running again — or on another server at the same time — sends nothing twice.
/// <para>
/// Scale (50,000 accounts, 200 managers): every query is answered by the database from indexes and returns only the
/// few columns a message needs, without tracking. A visit overdue reminder goes out once per account and due date,
/// and only for accounts that fell due in the last <see cref="OverdueWindowDays"/> days: the flow of accounts falling
/// due is small every day, while a backlog (an import, the first start on an old archive) could be tens of
/// thousands. The backlog is not lost: each person's morning digest counts all their overdue visits and links to
/// the overdue list.
/// </para>
/// </summary>
public sealed class Reminders(IKamDb db, Notifier notifier, TimeProvider clock, Settings settings, Payments.InstalmentReminders instalments,
    Targets.TargetReminders targets, Expenses.ExpenseReminders expenses, Service.ServiceReminders service,
    Appraisals.AppraisalReminders appraisals)
{
    /// <summary>A visit falling due within this many days is announced.</summary>
    public const int DueSoonDays = 3;

    /// <summary>Accounts that fell due longer ago than this get no per-account reminder (the digest counts them).</summary>
    public const int OverdueWindowDays = 7;

    /// <summary>The daily report is reminded from this hour (Asia/Shanghai) of a working day.</summary>
    public static readonly TimeOnly ReportDeadline = new(20, 0);

    public async Task<ReminderRun> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var policy = await settings.GetAsync(VisitPolicy.SettingKey, new VisitPolicy(), ct);
        var visitsDue = await notifier.SendAsync(await VisitsDueSoon(policy, today, ct), ct);
        var visitsOverdue = await notifier.SendAsync(await VisitsJustOverdue(policy, today, ct), ct);
        var reports = await notifier.SendAsync(await ReportsMissing(today, ct), ct);
        var tasksDue = await notifier.SendAsync(await WorkItems(w => w.DueOn == today.AddDays(1), NotificationKinds.TaskDue, "task_due", ct), ct);
        var tasksOverdue = await notifier.SendAsync(await WorkItems(w => w.DueOn < today, NotificationKinds.TaskOverdue, "task_overdue", ct), ct);
        // Contracts first move on with the date (signed → in force → expired), then the running ones ending soon are announced.
        await Contracts.ContractLifecycle.AdvanceAsync(db, today, ct);
        var contractsExpiring = await notifier.SendAsync(await Contracts.ContractLifecycle.ExpiringAsync(db, today, ct), ct);
        var instalmentsDue = await notifier.SendAsync(await instalments.MessagesAsync(today, ct), ct);
        var targetNotices = await notifier.SendAsync(await targets.MessagesAsync(ct), ct);
        var expenseNotices = await notifier.SendAsync(await expenses.MessagesAsync(ct), ct);
        var caseNotices = await service.RunAsync(ct);
        var appraisalSteps = await appraisals.RunAsync(ct);
        return new ReminderRun(visitsDue, visitsOverdue, reports, tasksDue, tasksOverdue, contractsExpiring)
        {
            Instalments = instalmentsDue,
            Targets = targetNotices,
            Expenses = expenseNotices,
            Cases = caseNotices,
            Appraisals = appraisalSteps,
        };
    }

    private Task<List<NotificationMessage>> VisitsDueSoon(VisitPolicy policy, DateOnly today, CancellationToken ct) =>
        VisitMessages(db.Unscoped<Account>().DueWithin(policy, today, DueSoonDays), policy, NotificationKinds.VisitDue, "visit_due", ct);

    // Due from OverdueWindowDays ago up to yesterday: overdue today, and recently.
    private Task<List<NotificationMessage>> VisitsJustOverdue(VisitPolicy policy, DateOnly today, CancellationToken ct) =>
        VisitMessages(db.Unscoped<Account>().DueWithin(policy, today.AddDays(-OverdueWindowDays), OverdueWindowDays - 1), policy,
            NotificationKinds.VisitOverdue, "visit_overdue", ct);

    private async Task<List<NotificationMessage>> VisitMessages(IQueryable<Accounts.Account> accounts, VisitPolicy policy, string kind, string key, CancellationToken ct)
    {
        var rows = await (from a in accounts
                          join u in db.Unscoped<User>() on a.OwnerId equals u.Id
                          where u.IsActive
                          select new { a.Id, a.OwnerId, a.Name, a.Tier, a.VisitDueBase }).ToListAsync(ct);
        return rows.Select(a =>
        {
            var dueOn = VisitSchedule.DueOn(a.Tier, a.VisitDueBase, policy);
            return new NotificationMessage(a.OwnerId, kind, $"{key}:{a.Id}:{dueOn:yyyy-MM-dd}", a.Name, dueOn, $"/accounts/{a.Id}");
        }).ToList();
    }

    private async Task<List<NotificationMessage>> ReportsMissing(DateOnly today, CancellationToken ct)
    {
        var now = clock.Now();
        if (!IsWorkingDay(today) || TimeOnly.FromDateTime(now.DateTime) < ReportDeadline)
            return [];
        var missing = await db.Unscoped<User>()
            .Where(u => u.IsActive
                && db.Unscoped<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && db.Unscoped<Role>().Any(r => r.Id == ur.RoleId && r.Name == Roles.AccountManager))
                && !db.Unscoped<DailyReport>().Any(r => r.UserId == u.Id && r.Date == today && r.Status != DailyReportStatus.Draft))
            .Select(u => u.Id).ToListAsync(ct);
        return missing.Select(id => new NotificationMessage(id, NotificationKinds.ReportMissing, $"report_missing:{today:yyyy-MM-dd}",
            DueOn: today, Link: "/daily-reports")).ToList();
    }

    /// <summary>Monday to Friday. Public holidays and 调休 working weekends are not known to Kam yet.</summary>
    public static bool IsWorkingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    private async Task<List<NotificationMessage>> WorkItems(System.Linq.Expressions.Expression<Func<WorkItem, bool>> due, string kind, string key, CancellationToken ct)
    {
        var rows = await (from w in db.Unscoped<WorkItem>().Where(w => w.Status == WorkItemStatus.Open || w.Status == WorkItemStatus.InProgress).Where(due)
                          join u in db.Unscoped<User>() on w.OwnerId equals u.Id
                          where u.IsActive
                          select new { w.Id, w.OwnerId, w.Title, w.DueOn }).ToListAsync(ct);
        return rows.Select(w => new NotificationMessage(w.OwnerId, kind, $"{key}:{w.Id}:{w.DueOn:yyyy-MM-dd}", w.Title, w.DueOn, $"/tasks/{w.Id}")).ToList();
    }
}
