using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

/// <summary>
/// The month's conversation (持续沟通): the person writes their self-assessment and suggestions, the head rates the rated
/// indicators with a comment each; the head submits the month to the executive; the person confirms or appeals their
/// published sheet within the scheme's days, and the head answers an appeal (the answer and any change kept). Nobody
/// rates their own sheet.
/// </summary>
public sealed class AppraisalFlow(IKamDb db, ICurrentUser me, TimeProvider clock, ApprovalEngine engine, Notifier notifier)
{
    public async Task<Result> Save(Guid id, AppraisalInput input, CancellationToken ct = default)
    {
        var sheet = await db.Read<Appraisal>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (sheet is null)
            return Error.NotFound("appraisal.not_found");
        var own = me.Id == sheet.PersonId;
        var rating = input.Ratings is not null || input.HeadComment is not null;
        var writing = input.SelfAssessment is not null || input.Suggestions is not null;
        if (rating && (own || !AppraisalAccess.Rates(me)))
            return Error.Forbidden("appraisal.rate_forbidden");
        if (writing && !own)
            return Error.Forbidden("appraisal.self_only");
        if (!rating && !writing)
            return Error.Validation("ratings", "field.required");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (sheet.Status != AppraisalStatus.Open)
            return Error.Conflict("appraisal.locked");
        if (version != sheet.Version)
            return Error.Conflict();
        var errors = new List<FieldError>();
        if (input.SelfAssessment?.Length > 4000)
            errors.Add(new("selfAssessment", "field.too_long", 0, 4000));
        if (input.Suggestions?.Length > 4000)
            errors.Add(new("suggestions", "field.too_long", 0, 4000));
        if (input.HeadComment?.Length > 4000)
            errors.Add(new("headComment", "field.too_long", 0, 4000));
        var items = SchemeRules.ParseItems(sheet.Items).ToList();
        if (input.Ratings is not null)
            items = Rate(items, input.Ratings, "ratings", errors, out _);
        if (errors.Count > 0)
            return Error.Validation(errors);
        db.Entry(sheet).Property(a => a.Version).OriginalValue = version;
        if (writing)
        {
            sheet.SelfAssessment = Clean(input.SelfAssessment) ?? sheet.SelfAssessment;
            sheet.Suggestions = Clean(input.Suggestions) ?? sheet.Suggestions;
        }
        if (rating)
        {
            sheet.HeadComment = Clean(input.HeadComment) ?? sheet.HeadComment;
            sheet.Items = SchemeRules.WriteItems(items);
            sheet.RatedById = me.Id;
            sheet.RatedAt = clock.GetUtcNow();
            OpenAppraisals.Score(sheet, await DefinitionAsync(sheet, ct), items);
        }
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Applies ratings to the rated items: each names a rated indicator, scores 0–100 and says why.</summary>
    private static List<SheetItem> Rate(List<SheetItem> items, IReadOnlyList<RatingInput> ratings, string field, List<FieldError> errors, out List<string> changes)
    {
        changes = [];
        var result = items.ToList();
        for (var i = 0; i < ratings.Count; i++)
        {
            var r = ratings[i];
            var at = result.FindIndex(x => x.Source == IndicatorSource.Rated && string.Equals(x.Code, r?.Code, StringComparison.Ordinal));
            if (r is null || at < 0)
            {
                errors.Add(new($"{field}[{i}].code", "appraisal.not_rated_indicator"));
                continue;
            }
            if (r.Score is not { } score || score < 0 || score > 100)
            {
                errors.Add(new($"{field}[{i}].score", "field.number_range", 0, 100));
                continue;
            }
            if (string.IsNullOrWhiteSpace(r.Comment) || r.Comment.Length > 1000)
            {
                errors.Add(new($"{field}[{i}].comment", "appraisal.comment_required"));
                continue;
            }
            var was = result[at];
            var now = Math.Round(score, 1, MidpointRounding.AwayFromZero);
            if (was.Score != now)
                changes.Add($"{was.Name}: {was.Score?.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} → {now.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}");
            result[at] = was with { Score = now, Comment = r.Comment.Trim() };
        }
        return result;
    }

    private async Task<SchemeDefinition> DefinitionAsync(Appraisal sheet, CancellationToken ct) =>
        SchemeRules.Parse(await db.Unscoped<AppraisalScheme>().Where(s => s.Id == sheet.SchemeId).Select(s => s.Definition).FirstAsync(ct));

    private static string? Clean(string? text) => text is null ? null : string.IsNullOrWhiteSpace(text) ? "" : text.Trim();

    public async Task<Result> Confirm(Guid id, ConfirmInput input, CancellationToken ct = default)
    {
        if (await OwnPublishedAsync(id, input.Version, ct) is not { } sheet)
            return LastError!;
        sheet.Status = AppraisalStatus.Confirmed;
        sheet.ConfirmedAt = clock.GetUtcNow();
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    public async Task<Result> Appeal(Guid id, AppealInput input, CancellationToken ct = default)
    {
        if (await OwnPublishedAsync(id, input.Version, ct) is not { } sheet)
            return LastError!;
        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 2000)
            return Error.Validation("reason", "appraisal.reason_required");
        if (input.Item is { Length: > 0 } code && !SchemeRules.ParseItems(sheet.Items).Any(i => i.Code == code))
            return Error.Validation("item", "field.invalid");
        sheet.Status = AppraisalStatus.Appealed;
        sheet.AppealItem = string.IsNullOrEmpty(input.Item) ? null : input.Item;
        sheet.AppealReason = input.Reason.Trim();
        sheet.AppealedAt = clock.GetUtcNow();
        var name = await db.Unscoped<Users.User>().Where(u => u.Id == sheet.PersonId).Select(u => u.DisplayName).FirstAsync(ct);
        foreach (var head in await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct))
        {
            notifier.Add(new NotificationMessage(head, NotificationKinds.AppraisalAppealed, $"appraisal_appeal:{sheet.Id}", $"{name} {Period.MonthOf(sheet.Month)}",
                Link: $"/appraisals/{sheet.Id}"));
        }
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private Error? LastError { get; set; }

    /// <summary>The reader's own published sheet within its window; otherwise <see cref="LastError"/> says why not.</summary>
    private async Task<Appraisal?> OwnPublishedAsync(Guid id, Guid? version, CancellationToken ct)
    {
        var sheet = await db.Read<Appraisal>().FirstOrDefaultAsync(a => a.Id == id, ct);
        LastError = sheet is null ? Error.NotFound("appraisal.not_found")
            : me.Id != sheet.PersonId ? Error.Forbidden("appraisal.self_only")
            : version is null ? Error.Validation("version", "field.version_required")
            : sheet.Status != AppraisalStatus.Published ? Error.Conflict("appraisal.not_published")
            : sheet.AppealBy < clock.Today() ? Error.Conflict("appraisal.window_closed")
            : version != sheet.Version ? Error.Conflict()
            : null;
        if (LastError is not null)
            return null;
        db.Entry(sheet!).Property(a => a.Version).OriginalValue = version!.Value;
        return sheet;
    }

    /// <summary>The head answers an appeal, changing rated scores if the appeal is upheld; the sheet is then final.</summary>
    public async Task<Result> Answer(Guid id, AnswerInput input, CancellationToken ct = default)
    {
        var sheet = await db.Read<Appraisal>().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (sheet is null)
            return Error.NotFound("appraisal.not_found");
        if (!AppraisalAccess.Rates(me) || me.Id == sheet.PersonId)
            return Error.Forbidden("appraisal.rate_forbidden");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (sheet.Status != AppraisalStatus.Appealed)
            return Error.Conflict("appraisal.not_appealed");
        if (version != sheet.Version)
            return Error.Conflict();
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Answer) || input.Answer.Length > 2000)
            errors.Add(new("answer", "appraisal.answer_required"));
        var items = SchemeRules.ParseItems(sheet.Items).ToList();
        var changes = new List<string>();
        if (input.Ratings is { Count: > 0 })
            items = Rate(items, input.Ratings, "ratings", errors, out changes);
        if (errors.Count > 0)
            return Error.Validation(errors);
        db.Entry(sheet).Property(a => a.Version).OriginalValue = version;
        var before = sheet.Total;
        if (changes.Count > 0)
        {
            sheet.Items = SchemeRules.WriteItems(items);
            OpenAppraisals.Score(sheet, await DefinitionAsync(sheet, ct), items);
            changes.Add($"= {before?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "-"} → {sheet.Total?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "-"}");
        }
        sheet.AppealAnswer = input.Answer!.Trim() + (changes.Count > 0 ? "\n[" + string.Join("; ", changes) + "]" : "");
        sheet.AnsweredById = me.Id;
        sheet.AnsweredAt = clock.GetUtcNow();
        sheet.Status = AppraisalStatus.Final;
        notifier.Add(new NotificationMessage(sheet.PersonId, NotificationKinds.AppraisalAnswered, $"appraisal_answer:{sheet.Id}", Period.MonthOf(sheet.Month).ToString(),
            Link: $"/appraisals/{sheet.Id}"));
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>The head submits a month whose every sheet is rated to the executive (document type <c>appraisal_month</c>).</summary>
    public async Task<Result> SubmitMonth(string? period, MonthSubmitInput input, CancellationToken ct = default)
    {
        if (!AppraisalAccess.Rates(me))
            return Error.Forbidden("appraisal.rate_forbidden");
        if (Period.Parse(period) is not { Kind: PeriodKind.Month } p)
            return Error.Validation("period", "target.period_invalid");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        var month = p.Start;
        var round = await db.Unscoped<AppraisalRound>().FirstOrDefaultAsync(r => r.Month == month, ct);
        if (round is null)
            return Error.Conflict("appraisal.month_not_opened");
        if (round.Status is not (RoundStatus.Open or RoundStatus.Rejected))
            return Error.Conflict("appraisal.month_locked");
        var sheets = await db.Unscoped<Appraisal>().Where(a => a.Month == month && a.Status == AppraisalStatus.Open).ToListAsync(ct);
        if (sheets.Count == 0 || sheets.Any(s => s.Total is null))
            return Error.Conflict("appraisal.unrated");
        if (sheets.Any(s => s.PersonId == me.Id))
            return Error.Forbidden("appraisal.rate_forbidden");
        foreach (var sheet in sheets)
            sheet.Status = AppraisalStatus.Submitted;
        round.Status = RoundStatus.UnderReview;
        round.SubmittedAt = clock.GetUtcNow();
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.AppraisalMonth, round.Id, null, $"{p} ({sheets.Count})",
            new ApprovalFacts(null, false), input.Note), ct);
        round.ApprovalId = request.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Published sheets whose window has passed become final (run with the reminders; one statement, safe on
    /// several servers).</summary>
    public static Task<int> FinalizeAsync(IKamDb db, DateOnly today, CancellationToken ct) =>
        db.Unscoped<Appraisal>().Where(a => a.Status == AppraisalStatus.Published && a.AppealBy < today)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AppraisalStatus.Final).SetProperty(a => a.Version, Guid.NewGuid()), ct);
}

/// <summary>What a month does when its approval ends: approved → every sheet published with its window (the person told);
/// rejected or withdrawn → the sheets open again for the head.</summary>
public sealed class MonthApproval(IKamDb db, TimeProvider clock, Notifier notifier) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.AppraisalMonth;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var round = await db.Unscoped<AppraisalRound>().FirstOrDefaultAsync(r => r.Id == request.DocumentId, ct);
        if (round is null || round.Status != RoundStatus.UnderReview)
            return;
        var sheets = await db.Unscoped<Appraisal>().Where(a => a.Month == round.Month && a.Status == AppraisalStatus.Submitted).ToListAsync(ct);
        var now = clock.GetUtcNow();
        if (outcome != ApprovalStatus.Approved)
        {
            round.Status = outcome == ApprovalStatus.Rejected ? RoundStatus.Rejected : RoundStatus.Open;
            foreach (var sheet in sheets)
                sheet.Status = AppraisalStatus.Open;
            return;
        }
        round.Status = RoundStatus.Approved;
        round.ApprovedAt = now;
        var schemeIds = sheets.Select(s => s.SchemeId).Distinct().ToList();
        var days = (await db.Unscoped<AppraisalScheme>().Where(s => schemeIds.Contains(s.Id)).Select(s => new { s.Id, s.Definition }).ToListAsync(ct))
            .ToDictionary(s => s.Id, s => SchemeRules.Parse(s.Definition).AppealDays);
        var today = clock.Today();
        var period = Period.MonthOf(round.Month);
        foreach (var sheet in sheets)
        {
            sheet.Status = AppraisalStatus.Published;
            sheet.PublishedAt = now;
            sheet.AppealBy = today.AddDays(days.GetValueOrDefault(sheet.SchemeId, 5));
            notifier.Add(new NotificationMessage(sheet.PersonId, NotificationKinds.AppraisalPublished, $"appraisal_published:{sheet.Id}", period.ToString(),
                sheet.AppealBy, $"/appraisals/{sheet.Id}"));
        }
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<AppraisalRound>().AnyAsync(r => r.Id == documentId, ct);

    public string Link(Guid documentId) => "/appraisals";
}
