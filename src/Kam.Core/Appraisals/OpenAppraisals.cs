using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

/// <summary>
/// Opens a finished month's sheets (月末生成考核表) for everyone holding an appraised role under the scheme in force
/// for it, with every computed indicator filled in; run again while the month is open it recomputes them (a late
/// report, a payment entered after the fact), keeping the head's ratings and the person's own words. Run by the
/// reminders at the start of a month, or by the head or the assistant.
/// </summary>
public sealed class OpenAppraisals(IKamDb db, ICurrentUser me, TimeProvider clock, AppraisalFigures figures, Notifier notifier)
{
    /// <summary>How many notices the last opening sent (the heads told once a month).</summary>
    public int Notified { get; private set; }

    public async Task<Result<int>> Handle(string? period, CancellationToken ct = default, bool notify = true)
    {
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden("appraisal.read_only");
        if (Period.Parse(period) is not { Kind: PeriodKind.Month } p)
            return Error.Validation("period", "target.period_invalid");
        if (p.End >= clock.Today())
            return Error.Conflict("appraisal.month_not_over");
        var month = p.Start;
        var round = await db.Unscoped<AppraisalRound>().FirstOrDefaultAsync(r => r.Month == month, ct);
        if (round is { Status: RoundStatus.UnderReview or RoundStatus.Approved })
            return Error.Conflict("appraisal.month_locked");
        var sheets = await db.Unscoped<Appraisal>().Where(a => a.Month == month).ToDictionaryAsync(a => a.PersonId, ct);
        var points = await PointsAsync(db, month, ct);
        var now = clock.GetUtcNow();
        var taken = new HashSet<Guid>();
        var count = 0;
        foreach (var role in AppraisalAccess.AppraisedRoles)
        {
            if (await Schemes.ForMonthAsync(db, role, month, ct) is not { } scheme)
                continue;
            var definition = SchemeRules.Parse(scheme.Definition);
            var people = (await TargetAccess.ActiveIdsAsync(db, role, ct)).Where(taken.Add).ToList();
            // A sheet already past its opening (submitted, published) is left as it is.
            people = people.Where(id => sheets.GetValueOrDefault(id) is null or { Status: AppraisalStatus.Open }).ToList();
            var computed = await figures.ComputeAsync(month, definition, people, ct);
            foreach (var person in people)
            {
                var sheet = sheets.GetValueOrDefault(person);
                if (sheet is null)
                {
                    sheet = new Appraisal { PersonId = person, Month = month, Status = AppraisalStatus.Open };
                    db.Unscoped<Appraisal>().Add(sheet);
                }
                var kept = SchemeRules.ParseItems(sheet.Items).Where(i => i.Source == IndicatorSource.Rated).ToDictionary(i => i.Code);
                var items = computed[person].Select(i => kept.GetValueOrDefault(i.Code) is { } was && i.Source == IndicatorSource.Rated
                    ? i with { Score = was.Score, Comment = was.Comment } : i).ToList();
                sheet.SchemeId = scheme.Id;
                sheet.Items = SchemeRules.WriteItems(items);
                sheet.ComputedAt = now;
                (sheet.Bonus, sheet.Deduction) = points.GetValueOrDefault(person);
                Score(sheet, definition, items);
                count++;
            }
        }
        if (count == 0 && sheets.Count == 0)
            return Error.Conflict("appraisal.no_scheme");
        if (round is null)
            db.Unscoped<AppraisalRound>().Add(new AppraisalRound { Month = month, Status = RoundStatus.Open });
        await db.SaveChangesAsync(ct);
        Notified = notify ? await NotifyAsync(p, ct) : 0;
        return count;
    }

    /// <summary>Tells the heads once that a month's sheets wait for their rating; returns how many notices went out.</summary>
    private async Task<int> NotifyAsync(Period p, CancellationToken ct)
    {
        var month = p.Start;
        var open = await db.Unscoped<Appraisal>().AsNoTracking().CountAsync(a => a.Month == month && a.Status == AppraisalStatus.Open, ct);
        var heads = await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct);
        var subject = $"{p} ({open})";
        return await notifier.SendAsync(heads.Select(h => new NotificationMessage(h, NotificationKinds.AppraisalToRate, $"appraisal_rate:{p}", subject, p.End,
            $"/appraisals?period={p}")).ToList(), ct);
    }

    /// <summary>The approved reward and fault points of a month per person.</summary>
    public static async Task<Dictionary<Guid, (decimal Bonus, decimal Deduction)>> PointsAsync(IKamDb db, DateOnly month, CancellationToken ct)
    {
        var rows = await db.Unscoped<RewardFault>().AsNoTracking().Where(r => r.Month == month && r.Status == SchemeStatus.Approved)
            .Select(r => new { r.PersonId, r.Kind, r.Points }).ToListAsync(ct);
        return rows.GroupBy(r => r.PersonId).ToDictionary(g => g.Key,
            g => (g.Where(r => r.Kind == RewardFaultKind.Reward).Sum(r => r.Points), g.Where(r => r.Kind == RewardFaultKind.Fault).Sum(r => r.Points)));
    }

    /// <summary>Sets a sheet's total, grade and coefficient from its items and points under its scheme.</summary>
    public static void Score(Appraisal sheet, SchemeDefinition scheme, IReadOnlyList<SheetItem> items)
    {
        sheet.Total = SchemeRules.Total(items, sheet.Bonus, sheet.Deduction, scheme);
        var grade = SchemeRules.Grade(sheet.Total, scheme);
        sheet.Grade = grade?.Grade;
        sheet.Coefficient = grade?.Coefficient;
    }
}
