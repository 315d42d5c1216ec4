using Kam.Core.Appraisals;
using Kam.Core.Commission;
using Kam.Core.Common;
using Kam.Core.Targets;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// The commission of the demo's six months, computed by Kam's own run from the seeded payments, targets and appraisals:
/// the shipped scheme approved from the first month, the first four months' runs approved (their holds released as the
/// receivables came in), the fifth computed and waiting for the assistant to submit, the last not run yet (its appraisal
/// is still being rated).
/// </summary>
public sealed class DemoCommissionStep(KamDbContext db, TimeProvider clock, CommissionRuns runs) : ISeedStep
{
    public int Order => 71;

    public bool NeedsDerivedData => true;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<CommissionScheme>().AnyAsync(ct))
            return;
        var today = BusinessClock.Today(clock);
        var first = Period.MonthOf(today).Start.AddMonths(-6);
        db.Unscoped<CommissionScheme>().Add(new CommissionScheme
        {
            Name = "外勤月度提成方案",
            FromMonth = first,
            Status = SchemeStatus.Approved,
            ApprovedAt = BusinessClock.StartOf(first.AddDays(-3)),
            Definition = CommissionRules.Write(CommissionRules.Default),
        });
        await db.SaveChangesAsync(ct);
        for (var back = 6; back >= 2; back--)
        {
            var period = Period.MonthOf(today.AddMonths(-back));
            var created = await runs.Create(new RunInput(period.ToString()), ct);
            if (!created.IsSuccess || back == 2)
                continue;
            var run = await db.Unscoped<CommissionRun>().SingleAsync(r => r.Id == created.Value, ct);
            run.Status = RunStatus.Approved;
            await RunApproval.MarkReleasedAsync(db, run.Id, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
