using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Targets;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

/// <summary>
/// The head's reward and fault reports (奖励 / 过失报告) about the people they appraise: filed and sent to the executive at
/// once (document type <c>reward_fault</c>); once approved, counted in the month's sheet as bonus or deduction points.
/// </summary>
public sealed class RewardsFaults(IKamDb db, ICurrentUser me, ApprovalEngine engine, TimeProvider clock)
{
    public const decimal MaxPoints = 100;

    public async Task<Result<IReadOnlyList<RewardFaultRow>>> List(string? period, CancellationToken ct = default)
    {
        var rows = db.Read<RewardFault>().AsNoTracking();
        if (period is { Length: > 0 })
        {
            if (Period.Parse(period) is not { Kind: PeriodKind.Month } p)
                return Error.Validation("period", "target.period_invalid");
            var month = p.Start;
            rows = rows.Where(r => r.Month == month);
        }
        var list = await (from r in rows
                          join u in db.Unscoped<User>() on r.PersonId equals u.Id
                          orderby r.CreatedAt descending
                          select new { r, u.DisplayName }).Take(500).ToListAsync(ct);
        return list.Select(x => Row(x.r, x.DisplayName)).ToList();
    }

    public static RewardFaultRow Row(RewardFault r, string name) => new(r.Id, r.PersonId, name, r.Kind, Period.MonthOf(r.Month).ToString(), r.OccurredOn, r.Title,
        r.Description, r.Points, r.Amount, r.Status, r.ApprovalId, r.CreatedAt);

    public async Task<Result<Guid>> Create(RewardFaultInput input, CancellationToken ct = default)
    {
        if (!AppraisalAccess.Rates(me))
            return Error.Forbidden("appraisal.rate_forbidden");
        var errors = new List<FieldError>();
        var people = await TargetAccess.ActiveManagerIdsAsync(db, ct);
        people.AddRange(await TargetAccess.ActiveIdsAsync(db, Roles.Assistant, ct));
        if (input.PersonId is not { } person || !people.Contains(person))
            errors.Add(new("personId", "field.invalid"));
        else if (person == me.Id)
            errors.Add(new("personId", "appraisal.not_own"));
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add(new("kind", "field.invalid"));
        var p = Period.Parse(input.Period);
        if (p is not { Kind: PeriodKind.Month })
            errors.Add(new("period", "target.period_invalid"));
        if (input.OccurredOn is not { } on || on.Year < 2000 || on > clock.Today())
            errors.Add(new("occurredOn", "field.invalid"));
        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Length > 200)
            errors.Add(new("title", "field.too_long", 1, 200));
        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Length > 4000)
            errors.Add(new("description", "field.too_long", 1, 4000));
        if (input.Points is not { } points || points <= 0 || points > MaxPoints || decimal.Round(points, 2) != points)
            errors.Add(new("points", "field.number_range", 0.01, MaxPoints));
        if (input.Amount is { } amount && (amount < 0 || amount > 10_000_000 || decimal.Round(amount, 2) != amount))
            errors.Add(new("amount", "field.amount_range"));
        if (errors.Count > 0)
            return Error.Validation(errors);
        var month = p!.Start;
        if (await db.Unscoped<AppraisalRound>().AnyAsync(r => r.Month == month && (r.Status == RoundStatus.UnderReview || r.Status == RoundStatus.Approved), ct))
            return Error.Conflict("appraisal.month_locked");
        var report = new RewardFault
        {
            PersonId = input.PersonId!.Value,
            Kind = input.Kind!.Value,
            Month = month,
            OccurredOn = input.OccurredOn!.Value,
            Title = input.Title!.Trim(),
            Description = input.Description!.Trim(),
            Points = input.Points!.Value,
            Amount = input.Amount,
            Status = SchemeStatus.UnderReview,
        };
        db.Unscoped<RewardFault>().Add(report);
        var name = await db.Unscoped<User>().Where(u => u.Id == report.PersonId).Select(u => u.DisplayName).FirstAsync(ct);
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.RewardFault, report.Id, null,
            $"{Text.Get($"rewardfaultkind.{report.Kind}")} {name}: {report.Title}", new ApprovalFacts(report.Amount, false)), ct);
        report.ApprovalId = request.Id;
        await db.SaveChangesAsync(ct);
        return report.Id;
    }
}

/// <summary>What a report does when its approval ends: approved → counted in its month's open sheet at once (a sheet
/// opened later counts it as it opens); otherwise it stays as it was decided, kept.</summary>
public sealed class RewardFaultApproval(IKamDb db) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.RewardFault;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var report = await db.Unscoped<RewardFault>().FirstOrDefaultAsync(r => r.Id == request.DocumentId, ct);
        if (report is null || report.Status != SchemeStatus.UnderReview)
            return;
        report.Status = outcome == ApprovalStatus.Approved ? SchemeStatus.Approved : outcome == ApprovalStatus.Rejected ? SchemeStatus.Rejected : SchemeStatus.Draft;
        if (report.Status != SchemeStatus.Approved)
            return;
        var sheet = await db.Unscoped<Appraisal>().FirstOrDefaultAsync(a => a.PersonId == report.PersonId && a.Month == report.Month && a.Status == AppraisalStatus.Open, ct);
        if (sheet is null)
            return;
        if (report.Kind == RewardFaultKind.Reward)
            sheet.Bonus += report.Points;
        else
            sheet.Deduction += report.Points;
        var definition = SchemeRules.Parse(await db.Unscoped<AppraisalScheme>().Where(s => s.Id == sheet.SchemeId).Select(s => s.Definition).FirstAsync(ct));
        OpenAppraisals.Score(sheet, definition, SchemeRules.ParseItems(sheet.Items));
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<RewardFault>().AnyAsync(r => r.Id == documentId, ct);

    public string Link(Guid documentId) => "/rewards-faults";
}
