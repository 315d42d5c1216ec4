using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Targets;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

/// <summary>Reads the appraisal: a month's sheets (the department's calibration view, or one's own), one's history, a sheet.</summary>
public sealed class GetAppraisals(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public async Task<Result<AppraisalMonthView>> Month(string? period, CancellationToken ct = default)
    {
        var today = clock.Today();
        if (Period.Parse(period ?? Period.MonthOf(today.AddMonths(-1)).ToString()) is not { Kind: PeriodKind.Month } p)
            return Error.Validation("period", "target.period_invalid");
        var month = p.Start;
        var round = await db.Read<AppraisalRound>().AsNoTracking().FirstOrDefaultAsync(r => r.Month == month, ct);
        var sheets = await (from a in db.Read<Appraisal>().AsNoTracking().Where(a => a.Month == month)
                            join u in db.Unscoped<User>() on a.PersonId equals u.Id
                            select new { a, u.DisplayName }).ToListAsync(ct);
        var published = round?.Status == RoundStatus.Approved;
        var seesAll = DataScope.SeesAllAccounts(me);
        var rows = sheets.Select(x =>
        {
            var items = SchemeRules.ParseItems(x.a.Items);
            var shown = seesAll || published;
            return new AppraisalRow(x.a.Id, x.a.PersonId, x.DisplayName, p.ToString(), x.a.Status, shown ? x.a.Total : null, shown ? x.a.Grade : null,
                shown ? x.a.Coefficient : null, !string.IsNullOrWhiteSpace(x.a.SelfAssessment), items.Count(i => i.Source == IndicatorSource.Rated && i.Score is null), x.a.AppealBy);
        }).OrderBy(r => r.PersonName, StringComparer.Ordinal).ToList();
        var schemeIds = sheets.Select(x => x.a.SchemeId).Distinct().ToList();
        var schemes = await db.Unscoped<AppraisalScheme>().AsNoTracking().Where(s => schemeIds.Contains(s.Id)).Select(s => s.Definition).ToListAsync(ct);
        var definitions = schemes.Select(SchemeRules.Parse).ToList();
        var grades = definitions.SelectMany(d => d.Grades).GroupBy(g => g.Grade).Select(g => g.First()).OrderByDescending(g => g.MinScore).ToList();
        var graded = seesAll ? rows.Where(r => r.Grade is not null).ToList() : [];
        var distribution = grades.Select(g => new GradeCount(g.Grade, graded.Count(r => r.Grade == g.Grade),
            graded.Count == 0 ? 0 : Math.Round(graded.Count(r => r.Grade == g.Grade) * 100m / graded.Count, 1, MidpointRounding.AwayFromZero), g.Coefficient)).ToList();
        var top = definitions.Select(d => d.TopGradeMaxPercent).FirstOrDefault(x => x is not null);
        var over = top is { } limit && distribution.Count > 0 && distribution[0].Percent > limit;
        var open = round is null or { Status: RoundStatus.Open or RoundStatus.Rejected };
        var monthOver = p.End < today;
        return new AppraisalMonthView(p.ToString(), round?.Id, round?.Status, round?.ApprovalId, rows, distribution, top, over, monthOver,
            AppraisalAccess.Drafts(me) && open && monthOver, AppraisalAccess.Rates(me) && open && rows.Count > 0 && rows.All(r => r.Unrated == 0));
    }

    /// <summary>The reader's own sheets, newest first.</summary>
    public async Task<IReadOnlyList<AppraisalRow>> Mine(CancellationToken ct = default)
    {
        if (me.Id is not { } id)
            return [];
        var sheets = await db.Read<Appraisal>().AsNoTracking().Where(a => a.PersonId == id).OrderByDescending(a => a.Month).Take(36).ToListAsync(ct);
        var name = await db.Unscoped<User>().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return sheets.Select(a =>
        {
            var shown = Shown(a.Status);
            return new AppraisalRow(a.Id, a.PersonId, name, Period.MonthOf(a.Month).ToString(), a.Status, shown ? a.Total : null, shown ? a.Grade : null,
                shown ? a.Coefficient : null, !string.IsNullOrWhiteSpace(a.SelfAssessment), 0, a.AppealBy);
        }).ToList();
    }

    /// <summary>Whether the head's part of a sheet is out for its person: from publication on.</summary>
    public static bool Shown(AppraisalStatus status) => status is AppraisalStatus.Published or AppraisalStatus.Confirmed or AppraisalStatus.Appealed or AppraisalStatus.Final;

    public async Task<Result<AppraisalView>> Get(Guid id, CancellationToken ct = default)
    {
        var a = await db.Read<Appraisal>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
            return Error.NotFound("appraisal.not_found");
        var scheme = await db.Unscoped<AppraisalScheme>().AsNoTracking().FirstAsync(s => s.Id == a.SchemeId, ct);
        var definition = SchemeRules.Parse(scheme.Definition);
        var person = await db.Unscoped<User>().Where(u => u.Id == a.PersonId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var own = me.Id == a.PersonId;
        var shown = !own || Shown(a.Status);
        var period = Period.MonthOf(a.Month);
        var items = SchemeRules.ParseItems(a.Items);
        var counted = items.Where(i => i.Score is not null).Sum(i => i.Weight);
        var lines = items.Select(i =>
        {
            var item = !shown && i.Source == IndicatorSource.Rated ? i with { Score = null, Comment = null } : i;
            var weighted = item.Score is { } s && counted > 0 && shown ? Math.Round(s * i.Weight / counted, 2, MidpointRounding.AwayFromZero) : (decimal?)null;
            return new SheetLine(item, i.Source == IndicatorSource.Target && i.Metric is { } m && TargetMetrics.IsMoney(m), AppraisalView.LinkOf(i, period), weighted);
        }).ToList();
        var month = a.Month;
        var personId = a.PersonId;
        var points = await (from r in db.Read<RewardFault>().AsNoTracking().Where(r => r.PersonId == personId && r.Month == month)
                            select r).OrderBy(r => r.OccurredOn).ToListAsync(ct);
        var today = clock.Today();
        var inWindow = a.Status == AppraisalStatus.Published && a.AppealBy >= today;
        var rates = AppraisalAccess.Rates(me) && !own;
        return new AppraisalView(a.Id, a.PersonId, person, period.ToString(), a.Status, a.SchemeId, scheme.Name, lines, a.Bonus, a.Deduction, definition.BonusCap,
            definition.DeductionCap, shown ? a.Total : null, shown ? a.Grade : null, shown ? a.Coefficient : null, definition.Grades, a.SelfAssessment, a.Suggestions,
            shown ? a.HeadComment : null, a.ComputedAt, a.RatedAt, a.PublishedAt, a.AppealBy, a.ConfirmedAt, a.AppealItem, a.AppealReason, a.AppealedAt, a.AppealAnswer,
            a.AnsweredAt, points.Select(r => RewardsFaults.Row(r, person)).ToList(), shown, own && a.Status == AppraisalStatus.Open,
            rates && a.Status == AppraisalStatus.Open, own && inWindow, own && inWindow, rates && a.Status == AppraisalStatus.Appealed, a.Version);
    }
}
