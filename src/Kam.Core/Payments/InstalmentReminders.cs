using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Payments;

/// <summary>
/// Reminders of receivables to the account's owner: an instalment falling due within <see cref="DueSoonDays"/> days,
/// and one that has just become overdue (within the last <see cref="OverdueWindowDays"/> days; an older backlog is
/// in the receivables page). Keys name the instalment and its due date, so a moved due date is a new occasion.
/// </summary>
public sealed class InstalmentReminders(IKamDb db)
{
    public const int DueSoonDays = 7;

    public const int OverdueWindowDays = 7;

    public async Task<List<NotificationMessage>> MessagesAsync(DateOnly today, CancellationToken ct = default)
    {
        var earliest = today.AddDays(-OverdueWindowDays);
        var latest = today.AddDays(DueSoonDays);
        var settled = false; // a parameter, so SQLite seeks the (Settled, DueOn) index (see Receivables)
        var rows = await (from i in db.Unscoped<Instalment>().AsNoTracking()
                          where i.Settled == settled && i.DueOn >= earliest && i.DueOn <= latest
                          join a in db.Unscoped<Account>() on i.AccountId equals a.Id
                          join u in db.Unscoped<User>() on a.OwnerId equals u.Id
                          where u.IsActive
                          select new { i.Id, i.AccountId, a.OwnerId, a.Name, i.DueOn, i.Amount, i.Collected }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var overdue = r.DueOn < today;
            var subject = $"{r.Name} {Money.Format(r.Amount - r.Collected)}";
            return new NotificationMessage(r.OwnerId, overdue ? NotificationKinds.InstalmentOverdue : NotificationKinds.InstalmentDue,
                $"{(overdue ? "instalment_overdue" : "instalment_due")}:{r.Id}:{r.DueOn:yyyy-MM-dd}", subject, r.DueOn,
                $"/accounts/{r.AccountId}?tab=payments");
        }).ToList();
    }
}
