using System.Globalization;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Kam.Core.Visits;
using Kam.Core.WorkItems;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Notifications;

/// <summary>What a person's morning digest counts; kept in the notification's subject as "unread|planned|overdue|items".</summary>
public sealed record DigestCounts(int Unread, int PlannedVisits, int OverdueVisits, int OpenItemsDue)
{
    public bool IsEmpty => Unread == 0 && PlannedVisits == 0 && OverdueVisits == 0 && OpenItemsDue == 0;

    public string ToSubject() => string.Create(CultureInfo.InvariantCulture, $"{Unread}|{PlannedVisits}|{OverdueVisits}|{OpenItemsDue}");

    public static DigestCounts? Parse(string? subject)
    {
        var parts = subject?.Split('|');
        if (parts is not { Length: 4 })
            return null;
        var n = new int[4];
        for (var i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out n[i]))
                return null;
        }
        return new DigestCounts(n[0], n[1], n[2], n[3]);
    }
}

/// <summary>
/// The morning summary per person (run by the scheduler at 07:30 Asia/Shanghai on working days): unread notifications,
/// today's planned visits, overdue visits of the accounts they own and their open work items due by today. Four grouped
/// queries for the whole department, whatever its size; people with nothing to report get no digest. Once per person
/// and day (key "digest:{date}"); e-mailed like any notification when e-mail is on.
/// </summary>
public sealed class DailyDigest(IKamDb db, Notifier notifier, TimeProvider clock, Settings settings)
{
    public async Task<int> SendAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        if (!Reminders.IsWorkingDay(today))
            return 0;
        var policy = await settings.GetAsync(VisitPolicy.SettingKey, new VisitPolicy(), ct);
        var people = await db.Unscoped<User>()
            .Where(u => u.IsActive && db.Unscoped<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && db.Unscoped<Role>().Any(r => r.Id == ur.RoleId && Roles.Business.Contains(r.Name!))))
            .Select(u => u.Id).ToListAsync(ct);
        var unread = await db.Unscoped<Notification>().Where(n => n.ReadAt == null)
            .GroupBy(n => n.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var planned = await db.Unscoped<Visit>().Where(v => v.Status == VisitStatus.Planned && v.Date == today)
            .GroupBy(v => v.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdue = await db.Unscoped<Account>().Overdue(policy, today)
            .GroupBy(a => a.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var items = await db.Unscoped<WorkItem>().Where(w => (w.Status == WorkItemStatus.Open || w.Status == WorkItemStatus.InProgress) && w.DueOn <= today)
            .GroupBy(w => w.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var messages = new List<NotificationMessage>();
        foreach (var id in people)
        {
            var counts = new DigestCounts(unread.GetValueOrDefault(id), planned.GetValueOrDefault(id), overdue.GetValueOrDefault(id), items.GetValueOrDefault(id));
            if (!counts.IsEmpty)
                messages.Add(new NotificationMessage(id, NotificationKinds.Digest, $"digest:{today:yyyy-MM-dd}", counts.ToSubject(), today, "/"));
        }
        return await notifier.SendAsync(messages, ct);
    }
}
