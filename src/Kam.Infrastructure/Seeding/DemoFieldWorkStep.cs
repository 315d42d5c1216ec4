using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.DailyReports;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// The department's field work, relative to today (Asia/Shanghai): visit records with the contacts met, some
/// cancelled, plans for the next two weeks, daily reports with the head's comments, day summaries, meetings with
/// action items and the head's tasks. The demo department gets a year of it; at <see cref="DemoOptions.Scale"/>
/// accounts it gets two years of visits (about 20 per account: 1,000,000 for 50,000 accounts) and 60 working days
/// of reports, written by <see cref="BulkWriter"/>. The visit clocks (Account.LastVisitOn/VisitDueBase,
/// Contact.LastContactedOn) are then set from the records, so most accounts are on time, some fall due within three
/// days and some are overdue. No report is written for today: that one is the account managers' to submit.
/// Each account's visits come from its own random source seeded by its name, so the result does not depend on the
/// order of the accounts. Each part runs only while its tables are empty.
/// </summary>
public sealed class DemoFieldWorkStep(KamDbContext db, TimeProvider clock, ILogger<DemoFieldWorkStep> logger) : ISeedStep
{
    private const int AccountsPerChunk = 2500;

    public int Order => 30;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        var managers = context.Users.Values.Where(u => u.UserName!.StartsWith("am", StringComparison.Ordinal))
            .OrderBy(u => u.UserName!.Length).ThenBy(u => u.UserName, StringComparer.Ordinal).ToList();
        if (managers.Count == 0 || !context.Users.TryGetValue("head", out var head) || !context.Users.TryGetValue("assistant", out var assistant))
            return;
        var scene = new Scene(clock.Today(), clock.GetUtcNow(), context.Options.Scale > 0, context.Options.RandomSeed);
        await using var writer = new BulkWriter(db);
        if (!await db.Unscoped<Visit>().AnyAsync(ct))
            await VisitsAsync(scene, context.Users.Values.ToDictionary(u => u.Id, u => u.UserName!), writer, ct);
        if (!await db.Unscoped<DailyReport>().AnyAsync(ct))
            await ReportsAsync(scene, managers, head, assistant, writer, ct);
        if (!await db.Unscoped<Meeting>().AnyAsync(ct) && !await db.Unscoped<WorkItem>().AnyAsync(ct))
            await MeetingsAndTasksAsync(scene, managers, head, assistant, writer, ct);
    }

    private sealed record AccountFacts(Guid Id, string Name, Guid OwnerId, AccountTier Tier, AccountStatus Status, string? Tags);

    // ---- Visits ------------------------------------------------------------------------------------------------

    private async Task VisitsAsync(Scene s, Dictionary<Guid, string> userNames, BulkWriter writer, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var policy = await new Settings(db).GetAsync(VisitPolicy.SettingKey, new VisitPolicy(), ct);
        // Id order is insertion order (v7 Guids): the visits' account index then grows at its end.
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => a.ArchivedAt == null).OrderBy(a => a.Id)
            .Select(a => new AccountFacts(a.Id, a.Name, a.OwnerId, a.Tier, a.Status, a.Tags)).ToListAsync(ct);
        if (accounts.Count == 0)
            return;
        var contacts = (await db.Unscoped<Contact>().AsNoTracking().Where(c => c.ArchivedAt == null)
                .Select(c => new { c.Id, c.AccountId, c.Name, c.Mobile }).ToListAsync(ct))
            .GroupBy(c => c.AccountId)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Mobile, StringComparer.Ordinal).Select(c => c.Id).ToArray());
        var members = (await db.Unscoped<AccountMember>().AsNoTracking().ToListAsync(ct))
            .Where(m => userNames.ContainsKey(m.UserId))
            .GroupBy(m => m.AccountId)
            .ToDictionary(g => g.Key, g => g.Select(m => m.UserId).OrderBy(id => userNames[id], StringComparer.Ordinal).ToArray());

        var visits = new List<Visit>();
        var links = new List<VisitContact>();
        long visitCount = 0, linkCount = 0;
        foreach (var chunk in accounts.Chunk(AccountsPerChunk))
        {
            foreach (var account in chunk)
                VisitsOf(s, policy, account, contacts.GetValueOrDefault(account.Id, []), members.GetValueOrDefault(account.Id, []), visits, links);
            await writer.WriteAsync(visits, ct);
            await writer.WriteAsync(links, ct);
            visitCount += visits.Count;
            linkCount += links.Count;
            visits.Clear();
            links.Clear();
        }
        var written = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        // The visit clocks, from the records just written: last Done visit per account and per contact met.
        var done = db.Unscoped<Visit>().Where(v => v.Status == VisitStatus.Done);
        await db.Unscoped<Account>().Where(a => done.Any(v => v.AccountId == a.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.LastVisitOn, a => done.Where(v => v.AccountId == a.Id).Max(v => (DateOnly?)v.Date))
            .SetProperty(a => a.VisitDueBase, a => done.Where(v => v.AccountId == a.Id).Max(v => v.Date)), ct);
        var met = from vc in db.Unscoped<VisitContact>()
                  where vc.Role == VisitContactRole.Met
                  join v in done on vc.VisitId equals v.Id
                  select new { vc.ContactId, v.Date };
        await db.Unscoped<Contact>().Where(c => met.Any(m => m.ContactId == c.Id)).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.LastContactedOn, c => met.Where(m => m.ContactId == c.Id).Max(m => (DateOnly?)m.Date)), ct);
        logger.LogInformation("Field work: {Visits} visits and {Links} visit contacts for {Accounts} accounts written in {Written} ms ({Tables}), visit clocks set in {Clocks} ms",
            visitCount, linkCount, accounts.Count, (int)written.TotalMilliseconds, writer.Summary,
            (int)(System.Diagnostics.Stopwatch.GetElapsedTime(started) - written).TotalMilliseconds);
    }

    /// <summary>
    /// Walks back from the account's last visit at its tier's rhythm to the start of the history, then may plan
    /// its next visit. Where the last visit lies decides the account's state today: on time, due within three days,
    /// or overdue (dormant accounts more often, lost accounts were left long ago).
    /// </summary>
    private static void VisitsOf(Scene s, VisitPolicy policy, AccountFacts a, Guid[] contacts, Guid[] members, List<Visit> visits, List<VisitContact> links)
    {
        var r = s.RandomFor("visits:" + a.Name);
        var due = policy.DaysFor(a.Tier);
        var roll = r.Next(100);
        int daysAgo;
        if (a.Status == AccountStatus.Lost)
            daysAgo = r.Next(120, 300);
        else if (roll < 18 || (a.Status == AccountStatus.Dormant && roll < 50))
            daysAgo = due + 1 + r.Next(due / 2 + 1);
        else if (roll < 32)
            daysAgo = due - r.Next(4);
        else
            daysAgo = r.Next(1, Math.Max(2, due - 3));
        var historyDays = s.AtScale ? 730 : 365;
        var start = s.Today.AddDays(-(a.Status == AccountStatus.Prospect ? r.Next(30, historyDays) : historyDays));
        var (min, max) = Rhythm(s, a);

        var date = s.Today.AddDays(-daysAgo);
        // The last visit moves to a working day without leaving the past (or the due window much).
        date = date.AddDays(2) < s.Today ? Scene.WorkingDayFrom(date, forward: true) : Scene.WorkingDayFrom(date, forward: false);
        var last = true;
        while (date > start)
        {
            var user = members.Length > 0 && r.Next(100) < 20 ? members[r.Next(members.Length)] : a.OwnerId;
            visits.Add(!last && r.Next(100) < 3 ? Cancelled(s, r, a, user, date, contacts, links) : Done(s, r, a, user, date, contacts, links));
            last = false;
            date = Scene.WorkingDayFrom(date.AddDays(-r.Next(min, max + 1)), forward: false);
        }

        var overdue = daysAgo > due;
        var dueSoon = !overdue && daysAgo >= due - 3;
        var chance = a.Status == AccountStatus.Lost ? 0 : overdue ? 45 : dueSoon ? 55 : 7;
        if (r.Next(100) < chance)
            visits.Add(Planned(s, r, a, a.OwnerId, Scene.WorkingDayFrom(s.Today.AddDays(r.Next(14)), forward: true), contacts, links));
    }

    /// <summary>The tag of the accounts visited most often; the benchmark picks its account history among them.</summary>
    public const string StrategicTag = "战略合作";

    /// <summary>Days between visits: A every 3–5 weeks, B 6–9 weeks, C 2–4 months; A accounts tagged
    /// <see cref="StrategicTag"/> every 1–3 weeks. At scale the rhythm is quicker so that two years give about 20 visits
    /// per account.</summary>
    private static (int Min, int Max) Rhythm(Scene s, AccountFacts a)
    {
        if (a.Tier == AccountTier.A && (a.Tags ?? "").Split(',').Contains(StrategicTag))
            return s.AtScale ? (7, 14) : (7, 21);
        return (a.Tier, s.AtScale) switch
        {
            (AccountTier.A, false) => (21, 35),
            (AccountTier.B, false) => (42, 63),
            (AccountTier.C, false) => (60, 120),
            (AccountTier.A, true) => (16, 27),
            (AccountTier.B, true) => (26, 40),
            _ => (38, 64),
        };
    }

    private static Visit Done(Scene s, Random r, AccountFacts a, Guid user, DateOnly date, Guid[] contacts, List<VisitContact> links)
    {
        var at = s.At(date, r.Next(36, 68) * 15);
        var duration = r.Next(2, 9) * 15;
        var planned = r.Next(100) < 60;
        var recordedAt = Scene.Min(at.AddMinutes(duration + r.Next(10, 600)), s.Now.AddMinutes(-1));
        var visit = Stamp(new Visit
        {
            AccountId = a.Id,
            UserId = user,
            Status = VisitStatus.Done,
            At = at,
            Date = date,
            PlannedAt = planned ? at.AddMinutes(r.Next(-2, 1) * 30) : null,
            Purpose = r.Pick(FieldWorkTexts.Purposes),
            ExpectedOutcome = planned ? r.Pick(FieldWorkTexts.ExpectedOutcomes) : null,
            DurationMinutes = duration,
            Summary = FieldWorkTexts.Summary(r),
            Outcome = r.Pick(FieldWorkTexts.Outcomes),
            CustomerRequests = r.Next(100) < 30 ? r.Pick(FieldWorkTexts.CustomerRequests) : null,
            Competitors = r.Next(100) < 20 ? r.Pick(FieldWorkTexts.Competitors) : null,
            Location = r.Next(100) < 70 ? r.Pick(FieldWorkTexts.Locations) : null,
            RecordedAt = recordedAt,
        }, recordedAt, user);
        if (r.Next(100) < 80)
        {
            visit.NextStep = r.Pick(FieldWorkTexts.NextSteps);
            visit.NextStepOn = date.AddDays(r.Next(7, 22));
        }
        if (r.Next(100) < 25)
        {
            visit.Latitude = Math.Round(22 + (r.NextDouble() * 18), 6);
            visit.Longitude = Math.Round(102 + (r.NextDouble() * 19), 6);
        }
        var met = Pick(r, contacts, r.Next(1, 3));
        foreach (var contact in met)
            links.Add(new VisitContact { VisitId = visit.Id, ContactId = contact, Role = VisitContactRole.Met });
        if (planned && met.Length > 0)
            links.Add(new VisitContact { VisitId = visit.Id, ContactId = met[0], Role = VisitContactRole.Planned });
        return visit;
    }

    private static Visit Cancelled(Scene s, Random r, AccountFacts a, Guid user, DateOnly date, Guid[] contacts, List<VisitContact> links)
    {
        var at = s.At(date, r.Next(36, 68) * 15);
        var visit = Stamp(new Visit
        {
            AccountId = a.Id,
            UserId = user,
            Status = VisitStatus.Cancelled,
            At = at,
            Date = date,
            PlannedAt = at,
            Purpose = r.Pick(FieldWorkTexts.Purposes),
            ExpectedOutcome = r.Pick(FieldWorkTexts.ExpectedOutcomes),
            CancelReason = r.Pick(FieldWorkTexts.CancelReasons),
        }, at.AddDays(-r.Next(2, 8)), user, at.AddHours(-r.Next(1, 20)));
        foreach (var contact in Pick(r, contacts, 1))
            links.Add(new VisitContact { VisitId = visit.Id, ContactId = contact, Role = VisitContactRole.Planned });
        return visit;
    }

    private static Visit Planned(Scene s, Random r, AccountFacts a, Guid user, DateOnly date, Guid[] contacts, List<VisitContact> links)
    {
        var at = s.At(date, r.Next(36, 66) * 15);
        var visit = Stamp(new Visit
        {
            AccountId = a.Id,
            UserId = user,
            Status = VisitStatus.Planned,
            At = at,
            Date = date,
            PlannedAt = at,
            Purpose = r.Pick(FieldWorkTexts.Purposes),
            ExpectedOutcome = r.Pick(FieldWorkTexts.ExpectedOutcomes),
        }, s.Now.AddHours(-r.Next(1, 120)), user);
        foreach (var contact in Pick(r, contacts, r.Next(1, 3)))
            links.Add(new VisitContact { VisitId = visit.Id, ContactId = contact, Role = VisitContactRole.Planned });
        return visit;
    }

    private static Guid[] Pick(Random r, Guid[] from, int count)
    {
        if (from.Length == 0)
            return [];
        if (count == 1 || from.Length == 1)
            return [from[r.Next(from.Length)]];
        var first = r.Next(from.Length);
        var second = (first + 1 + r.Next(from.Length - 1)) % from.Length;
        return [from[first], from[second]];
    }

    // ---- Daily reports and day summaries -----------------------------------------------------------------------

    private async Task ReportsAsync(Scene s, List<User> managers, User head, User assistant, BulkWriter writer, CancellationToken ct)
    {
        var days = s.WorkingDaysBefore(s.AtScale ? 60 : 250);
        var reports = new List<DailyReport>();
        foreach (var manager in managers)
        {
            var r = s.RandomFor("reports:" + manager.UserName);
            for (var age = 0; age < days.Count; age++)
            {
                if (r.Next(100) < 6)
                    continue; // a day without a report: the head sees who has not submitted
                reports.Add(Report(s, r, manager, head, days[age], age));
            }
        }
        await writer.WriteAsync(reports, ct);

        var summaries = new List<DaySummary>();
        var submitted = reports.Where(x => x.Status != DailyReportStatus.Draft).GroupBy(x => x.Date).ToDictionary(g => g.Key, g => g.Count());
        var sr = s.RandomFor("summaries");
        foreach (var day in days.Take(60).Skip(1))
        {
            var count = submitted.GetValueOrDefault(day);
            var text = $"{day:yyyy-MM-dd} 部门日汇总：应交日报 {managers.Count} 份，已交 {count} 份。" +
                $"主要进展：{sr.Pick(FieldWorkTexts.Outcomes)}；{sr.Pick(FieldWorkTexts.Outcomes)}。需关注：{sr.Pick(FieldWorkTexts.Problems)}。";
            var at = s.At(day, (20 * 60) + sr.Next(0, 90));
            summaries.Add(Stamp(new DaySummary { Date = day, Text = text }, at, assistant.Id));
        }
        await writer.WriteAsync(summaries, ct);
        logger.LogInformation("Field work: {Reports} daily reports and {Summaries} day summaries written", reports.Count, summaries.Count);
    }

    private static DailyReport Report(Scene s, Random r, User manager, User head, DateOnly day, int age)
    {
        var roll = r.Next(100);
        var status = age < 2
            ? roll < 15 ? DailyReportStatus.Draft : roll < 75 ? DailyReportStatus.Submitted : DailyReportStatus.Reviewed
            : roll < 88 ? DailyReportStatus.Reviewed : DailyReportStatus.Submitted;
        var written = s.At(day, (17 * 60) + r.Next(0, 270));
        var report = new DailyReport
        {
            UserId = manager.Id,
            Date = day,
            Status = status,
            OtherWork = r.Pick(FieldWorkTexts.OtherWork) + (r.Next(2) == 0 ? "；" + r.Pick(FieldWorkTexts.OtherWork) : ""),
            Problems = r.Next(100) < 40 ? r.Pick(FieldWorkTexts.Problems) : null,
            TomorrowPlan = r.Pick(FieldWorkTexts.TomorrowPlans),
            SubmittedAt = status == DailyReportStatus.Draft ? null : written,
        };
        var updated = written;
        if (status == DailyReportStatus.Reviewed)
        {
            var reviewed = Scene.Max(written.AddMinutes(10), Scene.Min(s.At(day.AddDays(day.DayOfWeek == DayOfWeek.Friday ? 3 : 1), (9 * 60) + r.Next(0, 150)), s.Now.AddMinutes(-1)));
            report.ReviewedById = head.Id;
            report.ReviewedAt = reviewed;
            report.ReviewComment = r.Next(100) < 80 ? r.Pick(FieldWorkTexts.ReviewComments) : null;
            updated = reviewed;
        }
        Stamp(report, written, manager.Id, updated);
        report.UpdatedById = status == DailyReportStatus.Reviewed ? head.Id : manager.Id;
        return report;
    }

    // ---- Meetings, action items and tasks -------------------------------------------------------------------------

    private async Task MeetingsAndTasksAsync(Scene s, List<User> managers, User head, User assistant, BulkWriter writer, CancellationToken ct)
    {
        var attendees = managers.Take(8).ToList();
        var ids = attendees.Select(m => m.Id).ToList();
        var accountsOf = (await db.Unscoped<Account>().AsNoTracking().Where(a => a.ArchivedAt == null && ids.Contains(a.OwnerId))
                .Select(a => new { a.Id, a.OwnerId, a.Name }).ToListAsync(ct))
            .GroupBy(a => a.OwnerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Id).ToArray());
        var r = s.RandomFor("meetings");
        var meetings = new List<Meeting>();
        var people = new List<MeetingAttendee>();
        var items = new List<WorkItem>();
        var notes = new List<WorkItemNote>();

        for (var i = 0; i < 12; i++)
        {
            var day = Scene.WorkingDayFrom(s.Today.AddDays(-10 - (30 * i) + r.Next(-4, 5)), forward: false);
            var at = s.At(day, r.Next(2) == 0 ? 9 * 60 + 30 : 14 * 60);
            var decisions = Enumerable.Range(0, r.Next(2, 4)).Select(_ => r.Pick(FieldWorkTexts.Decisions)).Distinct().ToList();
            var meeting = Stamp(new Meeting
            {
                Title = r.Pick(FieldWorkTexts.MeetingTitles),
                At = at,
                Location = r.Pick(FieldWorkTexts.Rooms),
                OtherAttendees = r.Next(3) == 0 ? "市场部王经理、财务部赵会计" : null,
                Agenda = r.Pick(FieldWorkTexts.Agendas),
                Minutes = r.Pick(FieldWorkTexts.Minutes),
                Decisions = string.Join("\n", decisions.Select((d, n) => $"{n + 1}. {d}")),
            }, Scene.Min(at.AddHours(r.Next(2, 26)), s.Now.AddMinutes(-1)), assistant.Id);
            meetings.Add(meeting);
            foreach (var person in new[] { head, assistant }.Concat(attendees))
                people.Add(new MeetingAttendee { MeetingId = meeting.Id, UserId = person.Id });
            foreach (var decision in decisions)
            {
                var owner = attendees[r.Next(attendees.Count)];
                var item = Item(s, r, WorkItemKind.ActionItem, decision, owner, assistant, meeting.CreatedAt, day.AddDays(r.Next(7, 22)),
                    accountsOf.GetValueOrDefault(owner.Id, []), notes);
                item.MeetingId = meeting.Id;
                items.Add(item);
            }
        }

        // The head's tasks: six for each demo account manager over the last four months, one for each other.
        foreach (var (owner, n) in managers.Select((m, n) => (m, n)))
        {
            for (var t = 0; t < (n < 4 ? 6 : 1); t++)
            {
                var assigned = s.At(Scene.WorkingDayFrom(s.Today.AddDays(-r.Next(0, 120)), forward: false), (9 * 60) + r.Next(0, 480));
                assigned = Scene.Min(assigned, s.Now.AddMinutes(-5));
                var dueOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(assigned, BusinessClock.Zone).DateTime).AddDays(r.Next(5, 31));
                items.Add(Item(s, r, WorkItemKind.Task, r.Pick(FieldWorkTexts.Tasks), owner, head, assigned, dueOn, accountsOf.GetValueOrDefault(owner.Id, []), notes));
            }
        }

        await writer.WriteAsync(meetings, ct);
        await writer.WriteAsync(people, ct);
        await writer.WriteAsync(items, ct);
        await writer.WriteAsync(notes, ct);
        logger.LogInformation("Field work: {Meetings} meetings, {Items} tasks and action items, {Notes} progress notes written", meetings.Count, items.Count, notes.Count);
    }

    /// <summary>A task or action item whose state fits its due date: most past ones done, some overdue, a few cancelled.</summary>
    private static WorkItem Item(Scene s, Random r, WorkItemKind kind, string title, User owner, User assigner, DateTimeOffset assigned, DateOnly dueOn, Guid[] accounts, List<WorkItemNote> notes)
    {
        var roll = r.Next(100);
        var status = dueOn < s.Today
            ? roll < 68 ? WorkItemStatus.Done : roll < 82 ? WorkItemStatus.InProgress : roll < 93 ? WorkItemStatus.Open : WorkItemStatus.Cancelled
            : roll < 20 ? WorkItemStatus.Done : roll < 55 ? WorkItemStatus.InProgress : WorkItemStatus.Open;
        var item = new WorkItem
        {
            Kind = kind,
            Title = title,
            Details = r.Next(2) == 0 ? r.Pick(FieldWorkTexts.Minutes) : null,
            OwnerId = owner.Id,
            AssignerId = assigner.Id,
            DueOn = dueOn,
            Status = status,
            AccountId = accounts.Length > 0 && r.Next(100) < 50 ? accounts[r.Next(accounts.Length)] : null,
            CancelReason = status == WorkItemStatus.Cancelled ? "客户需求变化，不再需要" : null,
        };
        var updated = assigned;
        if (status == WorkItemStatus.Done)
        {
            item.DoneAt = Scene.Max(assigned.AddHours(2), Scene.Min(s.At(dueOn.AddDays(r.Next(-4, 3)), (17 * 60) + r.Next(0, 120)), s.Now.AddMinutes(-1)));
            updated = item.DoneAt.Value;
        }
        var noteCount = status == WorkItemStatus.Open ? r.Next(0, 2) : r.Next(1, 3);
        for (var n = 0; n < noteCount; n++)
        {
            var at = Scene.Min(assigned.AddHours(r.Next(4, 24 * 6) * (n + 1)), s.Now.AddMinutes(-1));
            var by = n == 1 && r.Next(2) == 0 ? assigner.Id : owner.Id;
            notes.Add(Stamp(new WorkItemNote { WorkItemId = item.Id, UserId = by, Text = r.Pick(FieldWorkTexts.Notes) }, at, by));
            updated = Scene.Max(updated, at);
        }
        Stamp(item, assigned, assigner.Id, updated);
        item.UpdatedById = status == WorkItemStatus.Open && noteCount == 0 ? assigner.Id : owner.Id;
        return item;
    }

    private static T Stamp<T>(T entity, DateTimeOffset created, Guid by, DateTimeOffset? updated = null)
        where T : Entity
    {
        entity.CreatedAt = created;
        entity.CreatedById = by;
        entity.UpdatedAt = updated ?? created;
        entity.UpdatedById = by;
        return entity;
    }
}
