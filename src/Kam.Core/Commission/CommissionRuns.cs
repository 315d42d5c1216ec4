using Kam.Core.Accounts;
using Kam.Core.Appraisals;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Targets;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Commission;

/// <summary>
/// The monthly run (提成核算): the assistant (or the head) computes every account manager's statement for a finished month
/// as a snapshot; a rerun before approval is a new version (what changed per person shown); submitted, the head and then
/// the executive approve it, and it is locked. With the appraisal coefficient on, a month goes for approval only once its
/// appraisal is approved.
/// </summary>
public sealed class CommissionRuns(IKamDb db, ICurrentUser me, TimeProvider clock, CommissionSources sources, ApprovalEngine engine, Notifications.Notifier notifier)
{
    public async Task<Result<Guid>> Create(RunInput input, CancellationToken ct = default)
    {
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden("commission.read_only");
        if (Period.Parse(input.Period) is not { Kind: PeriodKind.Month } p)
            return Error.Validation("period", "target.period_invalid");
        var today = clock.Today();
        if (p.End >= today)
            return Error.Conflict("commission.month_not_over");
        var month = p.Start;
        if (await CommissionSchemes.ForMonthAsync(db, month, ct) is not { } scheme)
            return Error.Conflict("commission.no_scheme");
        var runs = await db.Unscoped<CommissionRun>().Where(r => r.Month == month).ToListAsync(ct);
        if (runs.Any(r => r.Status == RunStatus.Approved))
            return Error.Conflict("commission.month_locked");
        if (runs.Any(r => r.Status == RunStatus.UnderReview))
            return Error.Conflict("commission.run_under_review");
        foreach (var earlier in runs.Where(r => r.Status is RunStatus.Draft or RunStatus.Rejected))
            earlier.Status = RunStatus.Superseded;
        var definition = CommissionRules.Parse(scheme.Definition);
        var people = await TargetAccess.ActiveManagerIdsAsync(db, ct);
        var inputs = await sources.ReadAsync(definition, month, today, people, ct);
        var run = new CommissionRun
        {
            Month = month,
            Number = runs.Count == 0 ? 1 : runs.Max(r => r.Number) + 1,
            SchemeId = scheme.Id,
            Status = RunStatus.Draft,
            ComputedAt = clock.GetUtcNow(),
        };
        db.Unscoped<CommissionRun>().Add(run);
        foreach (var (person, statementInput) in inputs)
        {
            var draft = CommissionEngine.Compute(definition, statementInput);
            var statement = new CommissionStatement
            {
                RunId = run.Id,
                PersonId = person,
                Base = draft.Base,
                Target = draft.Target,
                Subtotal = draft.Subtotal,
                Coefficient = draft.Coefficient,
                Grade = draft.Grade,
                Held = draft.Held,
                Released = draft.Released,
                Clawback = draft.Clawback,
                Total = draft.Total,
            };
            db.Unscoped<CommissionStatement>().Add(statement);
            var order = 0;
            foreach (var line in draft.Lines)
            {
                db.Unscoped<CommissionLine>().Add(new CommissionLine
                {
                    StatementId = statement.Id,
                    RunId = run.Id,
                    PersonId = person,
                    Order = ++order,
                    Kind = line.Kind,
                    SourceId = line.SourceId,
                    AccountId = line.AccountId,
                    Reference = line.Reference is { Length: > 60 } r ? r[..60] : line.Reference,
                    BaseAmount = line.BaseAmount,
                    Rate = line.Rate,
                    Amount = line.Amount,
                    Explain = line.Explain.Length > 1000 ? line.Explain[..1000] : line.Explain,
                    HoldLineId = line.HoldLineId,
                });
            }
            run.Total += draft.Total;
            run.People++;
        }
        // Two runs of a month at once meet the unique (month, number): one wins, the other gets 409.
        await db.SaveChangesAsync(ct);
        return run.Id;
    }

    public async Task<Result> Submit(Guid id, RunActionInput input, CancellationToken ct = default)
    {
        var run = await db.Read<CommissionRun>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null || !DataScope.SeesAllAccounts(me))
            return Error.NotFound("commission.run_not_found");
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden("commission.read_only");
        if (input.Version is { } version && version != run.Version)
            return Error.Conflict();
        if (run.Status is not (RunStatus.Draft or RunStatus.Rejected))
            return Error.Conflict("commission.run_locked");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        if (await AppraisalPendingAsync(run, ct))
            return Error.Conflict("commission.appraisal_pending");
        if (input.Version is { } seen)
            db.Entry(run).Property(r => r.Version).OriginalValue = seen;
        run.Status = RunStatus.UnderReview;
        var request = await engine.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.CommissionRun, run.Id, null,
            $"{Period.MonthOf(run.Month)} (v{run.Number}, {run.People})", new ApprovalFacts(run.Total, false), input.Note), ct);
        run.ApprovalId = request.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Whether the run's scheme multiplies by the appraisal coefficient and the month's appraisal is not approved yet.</summary>
    private async Task<bool> AppraisalPendingAsync(CommissionRun run, CancellationToken ct)
    {
        var definition = CommissionRules.Parse(await db.Unscoped<CommissionScheme>().Where(s => s.Id == run.SchemeId).Select(s => s.Definition).FirstAsync(ct));
        var month = run.Month;
        return definition.Coefficient != CoefficientMode.Off
            && !await db.Unscoped<AppraisalRound>().AnyAsync(r => r.Month == month && r.Status == RoundStatus.Approved, ct);
    }

    public async Task<IReadOnlyList<RunRow>> List(string? period, CancellationToken ct = default)
    {
        var runs = db.Read<CommissionRun>().AsNoTracking();
        if (Period.Parse(period) is { Kind: PeriodKind.Month } p)
        {
            var month = p.Start;
            runs = runs.Where(r => r.Month == month);
        }
        var seesAll = DataScope.SeesAllAccounts(me);
        if (!seesAll)
            runs = runs.Where(r => r.Status == RunStatus.Approved);
        var list = await runs.OrderByDescending(r => r.Month).ThenByDescending(r => r.Number).Take(60).ToListAsync(ct);
        var ids = list.Select(r => r.Id).ToList();
        var mine = me.Id is { } meId
            ? await db.Read<CommissionStatement>().AsNoTracking().Where(s => ids.Contains(s.RunId) && s.PersonId == meId).ToDictionaryAsync(s => s.RunId, s => s.Total, ct)
            : [];
        return list.Select(r => new RunRow(r.Id, Period.MonthOf(r.Month).ToString(), r.Number, r.Status, seesAll ? r.Total : null, seesAll ? r.People : 0, r.ComputedAt,
            mine.TryGetValue(r.Id, out var m) ? m : null)).ToList();
    }

    public async Task<Result<RunView>> Get(Guid id, CancellationToken ct = default)
    {
        var run = await db.Read<CommissionRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        var seesAll = DataScope.SeesAllAccounts(me);
        if (run is null || (!seesAll && run.Status != RunStatus.Approved))
            return Error.NotFound("commission.run_not_found");
        var scheme = await db.Unscoped<CommissionScheme>().AsNoTracking().FirstAsync(s => s.Id == run.SchemeId, ct);
        var rows = await Rows(run.Id, ct);
        var changes = new List<RunChange>();
        if (seesAll && await db.Unscoped<CommissionRun>().AsNoTracking().Where(r => r.Month == run.Month && r.Number < run.Number)
                .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct) is { } previous)
        {
            var before = await db.Unscoped<CommissionStatement>().AsNoTracking().Where(s => s.RunId == previous.Id).ToDictionaryAsync(s => s.PersonId, s => s.Total, ct);
            changes = rows.Where(r => before.GetValueOrDefault(r.PersonId) != r.Total).Select(r => new RunChange(r.PersonId, r.PersonName, before.GetValueOrDefault(r.PersonId), r.Total))
                .ToList();
        }
        var open = run.Status is RunStatus.Draft or RunStatus.Rejected;
        return new RunView(run.Id, Period.MonthOf(run.Month).ToString(), run.Number, run.Status, run.SchemeId, scheme.Name, run.ApprovalId, run.ComputedAt,
            seesAll ? run.Total : null, seesAll ? run.People : rows.Count, rows, changes, seesAll && await AppraisalPendingAsync(run, ct), open && AppraisalAccess.Drafts(me),
            open && AppraisalAccess.Drafts(me), seesAll, run.Version);
    }

    private async Task<List<StatementRow>> Rows(Guid runId, CancellationToken ct)
    {
        var rows = await (from s in db.Read<CommissionStatement>().AsNoTracking().Where(s => s.RunId == runId)
                          join u in db.Unscoped<User>() on s.PersonId equals u.Id
                          select new
                          {
                              s,
                              u.DisplayName,
                              Open = db.Unscoped<CommissionQuestion>().Count(q => q.StatementId == s.Id && q.Status == QuestionStatus.Open),
                          }).ToListAsync(ct);
        return rows.Select(x => Row(x.s, x.DisplayName, x.Open)).OrderByDescending(r => r.Total).ThenBy(r => r.PersonName, StringComparer.Ordinal).ToList();
    }

    private static StatementRow Row(CommissionStatement s, string name, int open) => new(s.Id, s.PersonId, name, s.Base, s.Target,
        s.Target is > 0 ? Math.Round(s.Base * 100 / s.Target.Value, 1, MidpointRounding.AwayFromZero) : null, s.Subtotal, s.Coefficient, s.Grade, s.Held, s.Released,
        s.Clawback, s.Total, open);

    public async Task<Result<StatementView>> Statement(Guid runId, Guid userId, CancellationToken ct = default)
    {
        var run = await db.Read<CommissionRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        var statement = run is null ? null : await db.Read<CommissionStatement>().AsNoTracking().FirstOrDefaultAsync(s => s.RunId == runId && s.PersonId == userId, ct);
        var own = me.Id == userId;
        if (run is null || statement is null || (!DataScope.SeesAllAccounts(me) && run.Status != RunStatus.Approved))
            return Error.NotFound("commission.statement_not_found");
        var name = await db.Unscoped<User>().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstAsync(ct);
        var lines = await db.Read<CommissionLine>().AsNoTracking().Where(l => l.StatementId == statement.Id).OrderBy(l => l.Order).ToListAsync(ct);
        var questions = await db.Read<CommissionQuestion>().AsNoTracking().Where(q => q.StatementId == statement.Id).OrderBy(q => q.CreatedAt).ToListAsync(ct);
        return new StatementView(run.Id, Period.MonthOf(run.Month).ToString(), run.Number, run.Status,
            Row(statement, name, questions.Count(q => q.Status == QuestionStatus.Open)),
            lines.Select(l => new LineView(l.Id, l.Order, l.Kind, l.SourceId, l.AccountId, l.Reference, l.BaseAmount, l.Rate, l.Amount, CommissionText.Render(l.Explain))).ToList(),
            questions.Select(q => new QuestionView(q.Id, q.LineId, q.Text, q.Status, q.Answer, q.CreatedAt, q.AnsweredAt)).ToList(),
            own, AppraisalAccess.Rates(me) && !own);
    }

    /// <summary>The person asks about their statement or one of its lines (提成疑问); the heads are told.</summary>
    public async Task<Result<Guid>> Ask(Guid runId, Guid userId, QuestionInput input, CancellationToken ct = default)
    {
        var found = await Statement(runId, userId, ct);
        if (!found.IsSuccess)
            return found.Error!;
        if (me.Id != userId)
            return Error.Forbidden("commission.own_only");
        if (string.IsNullOrWhiteSpace(input.Text) || input.Text.Length > 2000)
            return Error.Validation("text", "commission.question_required");
        if (input.LineId is { } line && !found.Value.Lines.Any(l => l.Id == line))
            return Error.Validation("lineId", "field.invalid");
        var question = new CommissionQuestion
        {
            StatementId = found.Value.Statement.Id,
            RunId = runId,
            PersonId = userId,
            LineId = input.LineId,
            Text = input.Text.Trim(),
            Status = QuestionStatus.Open,
        };
        db.Unscoped<CommissionQuestion>().Add(question);
        foreach (var head in await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct))
        {
            notifier.Add(new Notifications.NotificationMessage(head, Notifications.NotificationKinds.CommissionQuestion, $"commission_question:{question.Id}",
                $"{found.Value.Statement.PersonName} {found.Value.Period}", Link: $"/commission-runs/{runId}/statements/{userId}"));
        }
        await db.SaveChangesAsync(ct);
        return question.Id;
    }

    public async Task<Result> Answer(Guid questionId, AnswerQuestionInput input, CancellationToken ct = default)
    {
        var question = await db.Read<CommissionQuestion>().FirstOrDefaultAsync(q => q.Id == questionId, ct);
        if (question is null)
            return Error.NotFound("commission.question_not_found");
        if (!AppraisalAccess.Rates(me) || me.Id == question.PersonId)
            return Error.Forbidden("commission.answer_forbidden");
        if (string.IsNullOrWhiteSpace(input.Answer) || input.Answer.Length > 2000)
            return Error.Validation("answer", "appraisal.answer_required");
        if (question.Status == QuestionStatus.Answered)
            return Error.Conflict("commission.question_answered");
        question.Answer = input.Answer.Trim();
        question.Status = QuestionStatus.Answered;
        question.AnsweredById = me.Id;
        question.AnsweredAt = clock.GetUtcNow();
        notifier.Add(new Notifications.NotificationMessage(question.PersonId, Notifications.NotificationKinds.CommissionAnswered,
            $"commission_answer:{question.Id}", null, Link: $"/commission-runs/{question.RunId}/statements/{question.PersonId}"));
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }
}

/// <summary>What a run does when its approval ends: approved → locked, and the holds it paid out marked released;
/// rejected → back to the assistant (a rerun makes a new version); withdrawn → draft.</summary>
public sealed class RunApproval(IKamDb db) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.CommissionRun;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        var run = await db.Unscoped<CommissionRun>().FirstOrDefaultAsync(r => r.Id == request.DocumentId, ct);
        if (run is null || run.Status != RunStatus.UnderReview)
            return;
        run.Status = outcome switch
        {
            ApprovalStatus.Approved => RunStatus.Approved,
            ApprovalStatus.Rejected => RunStatus.Rejected,
            _ => RunStatus.Draft,
        };
        if (run.Status == RunStatus.Approved)
            await MarkReleasedAsync(db, run.Id, ct);
    }

    /// <summary>Marks the holds an approved run pays out as released by it (tracked: saved with the approval).</summary>
    public static async Task MarkReleasedAsync(IKamDb db, Guid runId, CancellationToken ct)
    {
        var released = await db.Unscoped<CommissionLine>().Where(l => l.RunId == runId && l.Kind == LineKind.Release && l.HoldLineId != null)
            .Select(l => l.HoldLineId!.Value).ToListAsync(ct);
        foreach (var hold in await db.Unscoped<CommissionLine>().Where(l => released.Contains(l.Id)).ToListAsync(ct))
            hold.ReleasedByRunId = runId;
    }

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<CommissionRun>().AnyAsync(r => r.Id == documentId, ct);

    public string Link(Guid documentId) => $"/commission-runs/{documentId}";
}
