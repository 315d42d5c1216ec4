using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Targets;
using Kam.Core.Users;
using Kam.Core.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

public sealed record FollowUpInput(Guid? AccountId, Guid? ContactId, Guid? TemplateId, Guid? AssigneeId, DateOnly? DueOn);

public sealed record FollowUpCancelInput(string? Reason);

public sealed record FollowUpAnswersInput(IReadOnlyList<SurveyAnswer?>? Answers, Guid? Version);

public sealed record FollowUpQuery(string? Status = null, Guid? Assignee = null, Guid? Account = null, string? Occasion = null, bool? Overdue = null,
    int Page = 1, int PageSize = 20);

public sealed record FollowUpRow(Guid Id, string Title, Guid AccountId, string AccountName, FollowUpOccasion Occasion, FollowUpStatus Status, Guid AssigneeId,
    string AssigneeName, DateOnly DueOn, bool Overdue, double? Score, int? Nps, bool Low, AnswerChannel? AnsweredVia, string? Comment = null);

public sealed record FollowUpView(Guid Id, string Title, Guid AccountId, string AccountName, Guid? ContactId, string? ContactName, string? ContactMobile,
    FollowUpOccasion Occasion, FollowUpStatus Status, Person Assignee, DateOnly DueOn, IReadOnlyList<SurveyQuestion> Questions,
    IReadOnlyList<SurveyAnswer?>? Answers, DateTimeOffset? AnsweredAt, AnswerChannel? AnsweredVia, double? Score, int? Nps, bool Low,
    DateTimeOffset? LinkExpiresAt, Guid Version, bool MayAnswer);

/// <summary>A link for the contact: the address to send, and until when it works.</summary>
public sealed record FollowUpLink(string Token, string Path, DateTimeOffset ExpiresAt);

/// <summary>What the public page may show of a follow-up: its questions, nothing of the account.</summary>
public sealed record PublicSurvey(IReadOnlyList<SurveyQuestion> Questions);

/// <summary>
/// Satisfaction follow-ups (满意度回访): made by hand or by the occasions (<see cref="FollowUpScheduler"/>), answered by the
/// assistant on a call or by the contact through a single-use link; a low answer opens a task for the account's owner
/// and tells the head.
/// </summary>
public sealed class FollowUps(IKamDb db, ICurrentUser me, TimeProvider clock, SurveyTemplates templates, ServicePolicies policies, Notifier notifier)
{
    public const int LinkDays = 14;

    public async Task<Result<Guid>> Create(FollowUpInput input, CancellationToken ct = default)
    {
        if (!ServiceAccess.Opens(me))
            return Error.Forbidden("case.open_forbidden");
        var errors = new List<FieldError>();
        var account = input.AccountId is { } a ? await db.Read<Account>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == a && x.ArchivedAt == null, ct) : null;
        if (account is null)
            return Error.Validation("accountId", input.AccountId is null ? "field.required" : "case.account_unknown");
        if (input.ContactId is { } contact && !await db.Read<Contact>().AnyAsync(c => c.Id == contact && c.AccountId == account.Id, ct))
            errors.Add(new FieldError("contactId", "case.not_of_account"));
        SurveyTemplate? template = null;
        if (input.TemplateId is { } templateId && (template = await db.Read<SurveyTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId && t.ArchivedAt == null, ct)) is null)
            errors.Add(new FieldError("templateId", "survey.template_not_found"));
        if (input.AssigneeId is { } assignee && !await ServiceAccess.MaySeeAsync(db, assignee, account.Id, account.OwnerId, ct))
            errors.Add(new FieldError("assigneeId", "case.handler_invalid"));
        var today = clock.Today();
        if (input.DueOn is { } due && (due < today || due > today.AddDays(366)))
            errors.Add(new FieldError("dueOn", "survey.due_range"));
        if (errors.Count > 0)
            return Error.Validation(errors);
        var id = Guid.CreateVersion7();
        var followUp = await NewAsync(account, FollowUpOccasion.Manual, null, $"manual:{id}", input.AssigneeId ?? me.Id!.Value, input.DueOn ?? today.AddDays(7), template, ct);
        followUp.Id = id;
        followUp.ContactId = input.ContactId;
        db.Unscoped<FollowUp>().Add(followUp);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : id;
    }

    /// <summary>A follow-up of an account (not saved): its survey from the template given or the most specific one.</summary>
    internal async Task<FollowUp> NewAsync(Account account, FollowUpOccasion occasion, Guid? source, string key, Guid assignee, DateOnly due, SurveyTemplate? template,
        CancellationToken ct)
    {
        template ??= await templates.ForAsync(occasion, account.Category, ct);
        var questions = template is null ? SurveyTemplates.DefaultQuestions() : SurveyTemplates.Parse(template.Questions);
        return new FollowUp
        {
            AccountId = account.Id,
            Occasion = occasion,
            SourceId = source,
            Key = key,
            TemplateId = template?.Id,
            Title = Text.Get($"followupoccasion.{occasion}") + " · " + account.Name,
            Questions = JsonSerializer.Serialize(questions, SurveyTemplates.Json),
            AssigneeId = assignee,
            DueOn = due,
            Status = FollowUpStatus.Open,
        };
    }

    public async Task<Result<Kam.Core.Common.PagedResult<FollowUpRow>>> List(FollowUpQuery query, CancellationToken ct = default)
    {
        var items = db.Read<FollowUp>().AsNoTracking();
        if (query.Status is { Length: > 0 } status)
        {
            if (!Enum.TryParse<FollowUpStatus>(status, true, out var s) || !Enum.IsDefined(s))
                return Error.Validation("status", "field.invalid");
            items = items.Where(f => f.Status == s);
        }
        if (query.Occasion is { Length: > 0 } occasion)
        {
            if (!Enum.TryParse<FollowUpOccasion>(occasion, true, out var o) || !Enum.IsDefined(o))
                return Error.Validation("occasion", "field.invalid");
            items = items.Where(f => f.Occasion == o);
        }
        if (query.Assignee is { } assignee)
            items = items.Where(f => f.AssigneeId == assignee);
        if (query.Account is { } account)
            items = items.Where(f => f.AccountId == account);
        var today = clock.Today();
        if (query.Overdue == true)
            items = items.Where(f => f.Status == FollowUpStatus.Open && f.DueOn < today);
        var paging = new PageRequest(query.Page, query.PageSize);
        var total = await items.CappedCountAsync(ct);
        var rows = await items.OrderBy(f => f.Status).ThenBy(f => f.DueOn).ThenByDescending(f => f.AnsweredAt).PageOf(paging).Select(f => new FollowUpRow(
            f.Id, f.Title, f.AccountId, db.Unscoped<Account>().Where(a => a.Id == f.AccountId).Select(a => a.Name).FirstOrDefault() ?? "", f.Occasion, f.Status,
            f.AssigneeId, db.Unscoped<User>().Where(u => u.Id == f.AssigneeId).Select(u => u.DisplayName).FirstOrDefault() ?? "", f.DueOn,
            f.Status == FollowUpStatus.Open && f.DueOn < today, f.Score, f.Nps, f.Low, f.AnsweredVia, f.Comment)).ToListAsync(ct);
        return new Kam.Core.Common.PagedResult<FollowUpRow>(rows, total);
    }

    public async Task<Result<FollowUpView>> Get(Guid id, CancellationToken ct = default)
    {
        var f = await db.Read<FollowUp>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
            return Error.NotFound("survey.follow_up_not_found");
        var account = await db.Unscoped<Account>().Where(a => a.Id == f.AccountId).Select(a => new { a.Name, a.OwnerId }).FirstAsync(ct);
        var contact = f.ContactId is { } c ? await db.Read<Contact>().Where(x => x.Id == c).Select(x => new { x.Name, x.Mobile }).FirstOrDefaultAsync(ct) : null;
        var assignee = await db.Unscoped<User>().Where(u => u.Id == f.AssigneeId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        return new FollowUpView(f.Id, f.Title, f.AccountId, account.Name, f.ContactId, contact?.Name, contact?.Mobile, f.Occasion, f.Status,
            new Person(f.AssigneeId, assignee), f.DueOn, SurveyTemplates.Parse(f.Questions),
            f.Answers is null ? null : JsonSerializer.Deserialize<List<SurveyAnswer?>>(f.Answers, SurveyTemplates.Json), f.AnsweredAt, f.AnsweredVia, f.Score, f.Nps, f.Low,
            f.Status == FollowUpStatus.Open ? f.LinkExpiresAt : null, f.Version, MayAnswer(f, account.OwnerId));
    }

    private bool MayAnswer(FollowUp f, Guid owner) =>
        f.Status == FollowUpStatus.Open && (ServiceAccess.Desk(me) || (me.Id is { } id && (f.AssigneeId == id || owner == id)));

    /// <summary>The assistant's call (内勤回访): the answers as the contact gave them.</summary>
    public async Task<Result> Answer(Guid id, FollowUpAnswersInput input, CancellationToken ct = default)
    {
        var f = await db.Read<FollowUp>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
            return Error.NotFound("survey.follow_up_not_found");
        var owner = await db.Unscoped<Account>().Where(a => a.Id == f.AccountId).Select(a => a.OwnerId).FirstAsync(ct);
        if (f.Status != FollowUpStatus.Open)
            return Error.Conflict("survey.already_answered");
        if (!MayAnswer(f, owner))
            return Error.Forbidden("survey.not_assignee");
        if (input.Version is { } version && version != f.Version)
            return Error.Conflict();
        if (input.Version is { } seen)
            db.Entry(f).Property(x => x.Version).OriginalValue = seen;
        return await RecordAsync(f, owner, input.Answers, AnswerChannel.Call, me.Id, ct);
    }

    /// <summary>A link for the contact: a new token (the previous link stops working), valid <see cref="LinkDays"/> days.</summary>
    public async Task<Result<FollowUpLink>> Link(Guid id, CancellationToken ct = default)
    {
        var f = await db.Read<FollowUp>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
            return Error.NotFound("survey.follow_up_not_found");
        var owner = await db.Unscoped<Account>().Where(a => a.Id == f.AccountId).Select(a => a.OwnerId).FirstAsync(ct);
        if (f.Status != FollowUpStatus.Open)
            return Error.Conflict("survey.already_answered");
        if (!MayAnswer(f, owner))
            return Error.Forbidden("survey.not_assignee");
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        f.LinkTokenHash = Hash(token);
        f.LinkExpiresAt = clock.GetUtcNow().AddDays(LinkDays);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return new FollowUpLink(token, $"/s/{token}", f.LinkExpiresAt.Value);
    }

    public async Task<Result> Cancel(Guid id, string? reason, CancellationToken ct = default)
    {
        var f = await db.Read<FollowUp>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null)
            return Error.NotFound("survey.follow_up_not_found");
        if (!ServiceAccess.Desk(me))
            return Error.Forbidden("survey.cancel_desk_only");
        if (f.Status != FollowUpStatus.Open)
            return Error.Conflict("survey.already_answered");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
            return Error.Validation("reason", "field.required");
        (f.Status, f.CancelReason, f.LinkTokenHash) = (FollowUpStatus.Cancelled, reason.Trim(), null);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Why a link does not open a survey: unknown, answered already, or expired.</summary>
    public enum LinkState
    {
        Open,
        Unknown,
        Used,
        Expired,
    }

    /// <summary>The public page's survey for a token (the page shows nothing else).</summary>
    public async Task<(LinkState State, PublicSurvey? Survey)> Public(string token, CancellationToken ct = default)
    {
        var f = await ByToken(token, ct);
        var state = State(f);
        return (state, state == LinkState.Open ? new PublicSurvey(SurveyTemplates.Parse(f!.Questions)) : null);
    }

    /// <summary>The contact's answers through the link: once; refused (and nothing written) if the link is not open.</summary>
    public async Task<(LinkState State, Error? Error)> AnswerByLink(string token, IReadOnlyList<SurveyAnswer?>? answers, CancellationToken ct = default)
    {
        var f = await ByToken(token, ct);
        var state = State(f);
        if (state != LinkState.Open)
            return (state, null);
        var owner = await db.Unscoped<Account>().Where(a => a.Id == f!.AccountId).Select(a => a.OwnerId).FirstAsync(ct);
        var done = await RecordAsync(f!, owner, answers, AnswerChannel.Link, null, ct);
        // Two answers sent at once: the second finds the first's change and is told the link is used.
        return done.IsSuccess ? (LinkState.Open, null) : done.Error!.Kind == ErrorKind.Conflict ? (LinkState.Used, null) : (LinkState.Open, done.Error);
    }

    private LinkState State(FollowUp? f) =>
        f is null ? LinkState.Unknown
        : f.Status != FollowUpStatus.Open ? LinkState.Used
        : f.LinkExpiresAt < clock.GetUtcNow() ? LinkState.Expired
        : LinkState.Open;

    private async Task<FollowUp?> ByToken(string token, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
            return null;
        var hash = Hash(token);
        // The contact is nobody in Kam: the token is their only key, so the record is read outside any person's scope.
        return await db.Unscoped<FollowUp>().FirstOrDefaultAsync(f => f.LinkTokenHash == hash, ct);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private async Task<Result> RecordAsync(FollowUp f, Guid owner, IReadOnlyList<SurveyAnswer?>? answers, AnswerChannel via, Guid? by, CancellationToken ct)
    {
        var questions = SurveyTemplates.Parse(f.Questions);
        var given = answers ?? [];
        var errors = new List<FieldError>();
        if (given.Count != questions.Count)
            errors.Add(new FieldError("answers", "survey.answer_count", questions.Count));
        for (var i = 0; i < Math.Min(given.Count, questions.Count); i++)
        {
            if (CheckAnswer(questions[i], given[i]) is { } code)
                errors.Add(new FieldError($"answers[{i}]", code.Code, code.Args));
        }
        if (errors.Count > 0)
            return Error.Validation(errors);
        var policy = await policies.Get(ct);
        var scores = questions.Select((q, i) => (q, a: given[i])).Where(x => x.q.Kind == QuestionKind.Score && x.a?.Score is not null).Select(x => x.a!.Score!.Value).ToList();
        var nps = questions.Select((q, i) => (q, a: given[i])).Where(x => x.q.Kind == QuestionKind.Nps).Select(x => x.a?.Score).FirstOrDefault();
        var texts = questions.Select((q, i) => (q, a: given[i])).Where(x => x.q.Kind == QuestionKind.Text && !string.IsNullOrWhiteSpace(x.a?.Text)).Select(x => x.a!.Text!.Trim());
        var now = clock.GetUtcNow();
        f.Status = FollowUpStatus.Answered;
        (f.AnsweredAt, f.AnsweredOn, f.AnsweredVia, f.AnsweredById, f.OwnerId) = (now, BusinessClock.DateOf(now), via, by, owner);
        f.Answers = JsonSerializer.Serialize(given.Select(a => a is null ? null : a with { Text = a.Text?.Trim() }).ToList(), SurveyTemplates.Json);
        f.Score = scores.Count == 0 ? null : Math.Round(scores.Average(), 2);
        f.Nps = nps;
        f.Comment = string.Join("\n", texts) is { Length: > 0 } comment ? comment[..Math.Min(comment.Length, 2000)] : null;
        f.Low = scores.Any(s => s <= policy.LowScore) || nps <= policy.LowNps;
        if (f.Low)
        {
            var account = await db.Unscoped<Account>().Where(a => a.Id == f.AccountId).Select(a => a.Name).FirstAsync(ct);
            var today = clock.Today();
            db.Unscoped<WorkItem>().Add(new WorkItem
            {
                Kind = WorkItemKind.Task,
                Title = Text.Get("survey.low_task", account),
                Details = f.Comment,
                OwnerId = owner,
                AssignerId = by ?? f.AssigneeId,
                DueOn = today.AddDays(3),
                Status = WorkItemStatus.Open,
                AccountId = f.AccountId,
            });
            // The heads and the owner, each once (the owner may be a head), not the person who took the answer.
            foreach (var person in (await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct)).Append(owner).Distinct().Where(p => p != by))
                notifier.Add(new NotificationMessage(person, NotificationKinds.SatisfactionLow, $"survey_low:{f.Id}", account, Link: $"/follow-ups/{f.Id}"));
        }
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private static (string Code, object[] Args)? CheckAnswer(SurveyQuestion q, SurveyAnswer? a)
    {
        var empty = a is null || (a.Score is null && (a.Choices is null || a.Choices.Count == 0) && string.IsNullOrWhiteSpace(a.Text));
        if (empty)
            return q.Required ? ("field.required", []) : null;
        return q.Kind switch
        {
            QuestionKind.Score when a!.Score is not (>= 1 and <= 5) => ("survey.score_range", [1, 5]),
            QuestionKind.Nps when a!.Score is not (>= 0 and <= 10) => ("survey.score_range", [0, 10]),
            QuestionKind.Single when a!.Choices is not { Count: 1 } || !(q.Options ?? []).Contains(a.Choices[0]) => ("survey.choice_invalid", []),
            QuestionKind.Multiple when a!.Choices is null || a.Choices.Count == 0 || a.Choices.Any(c => !(q.Options ?? []).Contains(c)) || a.Choices.Distinct().Count() != a.Choices.Count
                => ("survey.choice_invalid", []),
            QuestionKind.Text when a!.Text?.Trim().Length > 2000 => ("field.too_long", [0, 2000]),
            QuestionKind.Text when a!.Text is null || a.Score is not null || a.Choices is { Count: > 0 } => ("field.invalid", []),
            not QuestionKind.Text when a!.Text is not null => ("field.invalid", []),
            QuestionKind.Score or QuestionKind.Nps when a!.Choices is { Count: > 0 } => ("field.invalid", []),
            QuestionKind.Single or QuestionKind.Multiple when a!.Score is not null || a.Choices!.Count > 20 => ("field.invalid", []),
            _ => null,
        };
    }
}
