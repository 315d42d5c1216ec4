using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>
/// The expense reminders, once a day each: the assistant is told how many approved claims have waited more than
/// <see cref="WaitingDays"/> days to be paid (and how much they come to), the head how many submitted claims have waited
/// as long for a decision. One line each rather than one per claim: at a department's size a month's claims are
/// thousands, and the list behind the link shows them.
/// </summary>
public sealed class ExpenseReminders(IKamDb db, TimeProvider clock)
{
    public const int WaitingDays = 2;

    public async Task<List<NotificationMessage>> MessagesAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var before = clock.GetUtcNow().AddDays(-WaitingDays);
        var messages = new List<NotificationMessage>();
        var unpaid = await db.Unscoped<ExpenseClaim>().Where(c => c.Status == ClaimStatus.Approved && c.DecidedAt < before)
            .GroupBy(c => 1).Select(g => new { Count = g.Count(), Total = g.Sum(c => c.Total) }).FirstOrDefaultAsync(ct);
        if (unpaid is { Count: > 0 })
        {
            foreach (var assistant in await TargetAccess.ActiveIdsAsync(db, Roles.Assistant, ct))
            {
                messages.Add(new NotificationMessage(assistant, NotificationKinds.ClaimsUnpaid, $"claims_unpaid:{today:yyyy-MM-dd}",
                    Text.Get("expense.unpaid_subject", unpaid.Count, Money.Format(unpaid.Total)), today, "/expenses?status=Approved"));
            }
        }
        var waiting = await db.Unscoped<ExpenseClaim>().CountAsync(c => c.Status == ClaimStatus.Submitted && c.SubmittedAt < before, ct);
        if (waiting > 0)
        {
            foreach (var head in await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct))
            {
                messages.Add(new NotificationMessage(head, NotificationKinds.ClaimsWaiting, $"claims_waiting:{today:yyyy-MM-dd}",
                    Text.Get("expense.waiting_subject", waiting), today, "/approvals?box=pending"));
            }
        }
        return messages;
    }
}
