using Kam.Core.Common;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

/// <summary>
/// The appraisal's share of the reminders run (as the system): at the start of a month the last month's sheets open by
/// themselves (once: when its round does not exist yet, in the first <see cref="OpenWithinDays"/> days), telling the heads;
/// published sheets past their window become final.
/// </summary>
public sealed class AppraisalReminders(IKamDb db, TimeProvider clock, OpenAppraisals open)
{
    public const int OpenWithinDays = 10;

    /// <summary>Makes the due sheets final and opens last month's when due; returns the notices sent.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        await AppraisalFlow.FinalizeAsync(db, today, ct);
        var notified = 0;
        var last = Period.MonthOf(today.AddMonths(-1));
        var month = last.Start;
        if (today.Day <= OpenWithinDays && !await db.Unscoped<AppraisalRound>().AnyAsync(r => r.Month == month, ct)
            && await db.Unscoped<AppraisalScheme>().AnyAsync(s => s.Status == SchemeStatus.Approved && s.FromMonth <= month, ct))
        {
            try
            {
                if ((await open.Handle(last.ToString(), ct)).IsSuccess)
                    notified = open.Notified;
            }
            catch (DbUpdateException)
            {
                // Another server opened the month at the same moment (the unique person-and-month key): theirs stands.
                db.ChangeTracker.Clear();
            }
        }
        return notified;
    }
}
