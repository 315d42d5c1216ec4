using Kam.Core.Appraisals;
using Kam.Core.Common;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Commission;

/// <summary>An account manager's own figures for the workbench: the last published grade, and this month's commission so
/// far under the scheme in force (before the coefficient, known at month end).</summary>
public sealed record PerformanceView(string? LastPeriod, string? LastGrade, decimal? LastTotal, Guid? LastSheetId, decimal MonthBase, decimal? MonthEarned, decimal? Achievement);

public sealed class MyPerformance(IKamDb db, ICurrentUser me, TimeProvider clock, CommissionSources sources)
{
    public async Task<PerformanceView?> Handle(CancellationToken ct = default)
    {
        if (me.Id is not { } id || !me.IsInRole(Identity.Roles.AccountManager))
            return null;
        var published = new[] { AppraisalStatus.Published, AppraisalStatus.Confirmed, AppraisalStatus.Appealed, AppraisalStatus.Final };
        var last = await db.Read<Appraisal>().AsNoTracking().Where(a => a.PersonId == id && published.Contains(a.Status)).OrderByDescending(a => a.Month)
            .Select(a => new { a.Id, a.Month, a.Grade, a.Total }).FirstOrDefaultAsync(ct);
        var today = clock.Today();
        var month = Period.MonthOf(today).Start;
        decimal monthBase = 0;
        decimal? earned = null;
        decimal? achievement = null;
        if (await CommissionSchemes.ForMonthAsync(db, month, ct) is { } scheme)
        {
            var definition = CommissionRules.Parse(scheme.Definition);
            var input = await sources.MonthSoFarAsync(definition, id, today, ct);
            var draft = CommissionEngine.Compute(definition, input);
            (monthBase, earned) = (draft.Base, draft.Subtotal);
            achievement = input.Target is > 0 ? Math.Round(draft.Base * 100 / input.Target.Value, 1, MidpointRounding.AwayFromZero) : null;
        }
        return new PerformanceView(last is null ? null : Period.MonthOf(last.Month).ToString(), last?.Grade, last?.Total, last?.Id, monthBase, earned, achievement);
    }
}
