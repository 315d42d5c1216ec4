using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Approvals;

/// <summary>
/// What a kind of document does when its approval ends: one implementation per <see cref="ApprovalDocuments"/> key,
/// registered as <c>services.AddScoped&lt;IApprovalDocument, X&gt;()</c>. The engine calls it inside the decision's unit of
/// work; it changes the document on tracked entities and the engine saves both together.
/// </summary>
public interface IApprovalDocument
{
    /// <summary>One of <see cref="ApprovalDocuments"/>.</summary>
    string DocumentType { get; }

    /// <summary>The request ended: <see cref="ApprovalStatus.Approved"/>, <see cref="ApprovalStatus.Rejected"/> or
    /// <see cref="ApprovalStatus.Withdrawn"/>. Move the document on (e.g. contract → Approved, or back to its author).</summary>
    Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct);

    /// <summary>Whether the current user may see the document (its data scope): approvals of documents one cannot
    /// see are not shown, except to their approvers.</summary>
    Task<bool> VisibleAsync(Guid documentId, CancellationToken ct);

    /// <summary>The document's page in the UI, e.g. <c>/contracts/{id}</c>.</summary>
    string Link(Guid documentId);
}

/// <summary>What a document tells the engine when it is submitted.</summary>
public sealed record ApprovalSubmission(string DocumentType, Guid DocumentId, Guid? AccountId, string Title, ApprovalFacts Facts, string? Note = null);

/// <summary>
/// The one approval mechanism (审批) every document uses: on submit it picks the steps from the rules of the document
/// type (<see cref="ApprovalRules"/>) and tells the first step's approvers. Deciding, withdrawing and delegating are
/// the use cases in this folder; they end a request through <see cref="CloseAsync"/>.
/// </summary>
public sealed class ApprovalEngine(IKamDb db, ICurrentUser me, TimeProvider clock, ApprovalRules rules, Notifier notifier, IEnumerable<IApprovalDocument> documents)
{
    /// <summary>
    /// Adds a request (tracked; the caller saves it with its own change of the document, which the caller has just set
    /// to "under review"). When no rule gives a step the request is approved at once and the document's
    /// <see cref="IApprovalDocument.ApplyAsync"/> runs before this returns.
    /// </summary>
    public async Task<ApprovalRequest> SubmitAsync(ApprovalSubmission submission, CancellationToken ct = default)
    {
        var request = new ApprovalRequest
        {
            DocumentType = submission.DocumentType,
            DocumentId = submission.DocumentId,
            AccountId = submission.AccountId,
            Title = submission.Title.Length > 300 ? submission.Title[..300] : submission.Title,
            Amount = submission.Facts.Amount,
            SubmitterId = me.Id ?? Guid.Empty,
            SubmittedAt = clock.GetUtcNow(),
            Note = string.IsNullOrWhiteSpace(submission.Note) ? null : submission.Note.Trim(),
            Status = ApprovalStatus.Pending,
        };
        var steps = await StepsAboveAuthorAsync(await rules.StepsForAsync(submission.DocumentType, submission.Facts, ct), request.SubmitterId, ct);
        for (var i = 0; i < steps.Count; i++)
        {
            request.Steps.Add(new ApprovalStep
            {
                RequestId = request.Id,
                Order = i,
                ApproverRole = steps[i].Role,
                Reason = steps[i].Reason,
                Status = i == 0 ? ApprovalStepStatus.Pending : ApprovalStepStatus.Waiting,
            });
        }
        db.Unscoped<ApprovalRequest>().Add(request);
        if (request.Steps.Count == 0)
            await CloseAsync(request, ApprovalStatus.Approved, ct);
        else
            await NotifyApproversAsync(request, request.Steps[0], ct);
        return request;
    }

    /// <summary>Reason code of a step that went up a level because nobody but its author holds the role it asked for.</summary>
    public const string AuthorHoldsRoleReason = "author_holds_role";

    /// <summary>
    /// Nobody approves their own document: a step whose role no active person other than the author holds (the head's
    /// own expense claim, with one head in the department) goes to the role above (head → executive; any other role →
    /// head), and a step so raised is dropped when the request already has a step for that role.
    /// </summary>
    private async Task<List<(string Role, string Reason)>> StepsAboveAuthorAsync(IReadOnlyList<ApprovalRule> steps, Guid author, CancellationToken ct)
    {
        var roles = steps.Select(s => s.Role).Append(Roles.Head).Append(Roles.Executive).Distinct().ToList();
        var held = await (from u in db.Unscoped<User>()
                          join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
                          join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                          where u.IsActive && u.Id != author && roles.Contains(r.Name!)
                          select r.Name!).Distinct().ToListAsync(ct);
        static string? Above(string role) => role == Roles.Executive ? null : role == Roles.Head ? Roles.Executive : Roles.Head;
        var result = new List<(string Role, string Reason)>();
        foreach (var step in steps)
        {
            var (role, reason) = (step.Role, ApprovalRules.ReasonCode(step.Condition));
            while (!held.Contains(role) && Above(role) is { } above)
                (role, reason) = (above, AuthorHoldsRoleReason);
            result.Add((role, reason));
        }
        var kept = new List<(string Role, string Reason)>();
        for (var i = 0; i < result.Count; i++)
        {
            var step = result[i];
            if (step.Reason == AuthorHoldsRoleReason && (kept.Any(k => k.Role == step.Role)
                || result.Skip(i + 1).Any(o => o.Role == step.Role && o.Reason != AuthorHoldsRoleReason)))
                continue;
            kept.Add(step);
        }
        return kept;
    }

    /// <summary>The current user's document handler for a type (throws for an unknown type: a programming error).</summary>
    public IApprovalDocument Handler(string documentType) =>
        documents.FirstOrDefault(d => d.DocumentType == documentType)
        ?? throw new InvalidOperationException($"No approval document handler for '{documentType}'.");

    /// <summary>Ends the request with its outcome, moves the document and tells the author (the caller saves).</summary>
    internal async Task CloseAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct)
    {
        request.Status = outcome;
        request.ClosedAt = clock.GetUtcNow();
        foreach (var step in request.Steps.Where(s => s.Status is ApprovalStepStatus.Pending or ApprovalStepStatus.Waiting))
            step.Status = ApprovalStepStatus.Skipped;
        await Handler(request.DocumentType).ApplyAsync(request, outcome, ct);
        if (outcome != ApprovalStatus.Withdrawn && request.SubmitterId != me.Id)
        {
            notifier.Add(new NotificationMessage(request.SubmitterId,
                outcome == ApprovalStatus.Approved ? NotificationKinds.ApprovalApproved : NotificationKinds.ApprovalRejected,
                $"approval_done:{request.Id}", request.Title, Link: Handler(request.DocumentType).Link(request.DocumentId)));
        }
    }

    /// <summary>Tells whoever may decide the step (its delegate, or every active member of its role but the author).</summary>
    internal async Task NotifyApproversAsync(ApprovalRequest request, ApprovalStep step, CancellationToken ct)
    {
        foreach (var userId in await ApproversAsync(request, step, ct))
        {
            await notifier.AddOnceAsync(new NotificationMessage(userId, NotificationKinds.ApprovalWaiting, $"approval:{request.Id}:{step.Order}:{step.DelegateId}",
                request.Title, Link: "/approvals?box=pending"), ct);
        }
    }

    /// <summary>The people who may decide the step now.</summary>
    public async Task<IReadOnlyList<Guid>> ApproversAsync(ApprovalRequest request, ApprovalStep step, CancellationToken ct)
    {
        if (step.DelegateId is { } delegateId)
            return [delegateId];
        var role = step.ApproverRole;
        return await (from u in db.Unscoped<User>()
                      join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
                      join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                      where u.IsActive && r.Name == role && u.Id != request.SubmitterId
                      select u.Id).Distinct().ToListAsync(ct);
    }

    /// <summary>Whether the current user may decide the step: its delegate, or a member of its role when not delegated;
    /// never the author of the request.</summary>
    public bool MayDecide(ApprovalRequest request, ApprovalStep step) =>
        me.Id is { } id && id != request.SubmitterId
        && (step.DelegateId is { } delegateId ? delegateId == id : me.IsInRole(step.ApproverRole));

    /// <summary>Whether the current user is a Head (who may delegate steps).</summary>
    public bool MayDelegate => ApprovalRules.Delegates(me);
}
