using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Approvals;

/// <summary>Which approvals: waiting for me, submitted by me, decided by me, or every request (those who see all).</summary>
public enum ApprovalBox
{
    Pending,
    Submitted,
    Decided,
    All,
}

public sealed record ApprovalQuery
{
    public ApprovalBox? Box { get; init; }
    public string? DocumentType { get; init; }
    public Guid? DocumentId { get; init; }
    public ApprovalStatus? Status { get; init; }
    public string? Search { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>
/// "My approvals" (我的审批): the requests waiting for me (my role's pending steps, or delegated to me; never my own),
/// those I submitted, those I decided, and for the head, assistant and executive every request. With a document
/// (<see cref="ApprovalQuery.DocumentId"/>) it is that document's approval history, newest first.
/// </summary>
public sealed class ListApprovals(IKamDb db, ICurrentUser me, ApprovalEngine engine, ApprovalAccess access)
{
    public async Task<PagedResult<ApprovalView>> Handle(ApprovalQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize);
        if (q.DocumentId is { } documentId)
            return await ForDocumentAsync(q.DocumentType, documentId, ct);
        var requests = Box(q.Box ?? ApprovalBox.Pending);
        if (!string.IsNullOrWhiteSpace(q.DocumentType))
            requests = requests.Where(r => r.DocumentType == q.DocumentType);
        if (q.Status is { } status)
            requests = requests.Where(r => r.Status == status);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim()) + "%";
            requests = requests.Where(r => EF.Functions.Like(r.Title, pattern, Like.EscapeCharacter));
        }
        var total = await requests.CountAsync(ct);
        var page = await requests.OrderByDescending(r => r.SubmittedAt).PageOf(paging)
            .Include(r => r.Steps).AsNoTracking().ToListAsync(ct);
        return new PagedResult<ApprovalView>(await ViewsAsync(page, ct), total);
    }

    /// <summary>How many requests wait for the current user (the bell and the workbench).</summary>
    public Task<int> CountPendingAsync(CancellationToken ct = default) => Box(ApprovalBox.Pending).CountAsync(ct);

    private IQueryable<ApprovalRequest> Box(ApprovalBox box)
    {
        var id = me.Id ?? Guid.Empty;
        var myRoles = ApprovalRules.ApproverRoles.Where(me.IsInRole).ToList();
        return box switch
        {
            ApprovalBox.Submitted => db.Unscoped<ApprovalRequest>().Where(r => r.SubmitterId == id),
            ApprovalBox.Decided => db.Unscoped<ApprovalRequest>().Where(r => db.Unscoped<ApprovalStep>().Any(s => s.RequestId == r.Id && s.DeciderId == id)),
            ApprovalBox.All when DataScope.SeesAllAccounts(me) => db.Unscoped<ApprovalRequest>(),
            ApprovalBox.All => db.Unscoped<ApprovalRequest>().Where(r => r.SubmitterId == id),
            _ => db.Unscoped<ApprovalRequest>().Where(r => r.Status == ApprovalStatus.Pending && r.SubmitterId != id
                && db.Unscoped<ApprovalStep>().Any(s => s.RequestId == r.Id && s.Status == ApprovalStepStatus.Pending
                    && (s.DelegateId == id || (s.DelegateId == null && myRoles.Contains(s.ApproverRole))))),
        };
    }

    private async Task<PagedResult<ApprovalView>> ForDocumentAsync(string? type, Guid documentId, CancellationToken ct)
    {
        var query = db.Unscoped<ApprovalRequest>().Where(r => r.DocumentId == documentId);
        if (!string.IsNullOrWhiteSpace(type))
            query = query.Where(r => r.DocumentType == type);
        var all = await query.Include(r => r.Steps).AsNoTracking().OrderByDescending(r => r.SubmittedAt).Take(50).ToListAsync(ct);
        if (all.Count > 0 && !await access.VisibleAsync(all[0], ct))
            all = [];
        return new PagedResult<ApprovalView>(await ViewsAsync(all, ct), all.Count);
    }

    internal async Task<IReadOnlyList<ApprovalView>> ViewsAsync(IReadOnlyList<ApprovalRequest> requests, CancellationToken ct)
    {
        var userIds = requests.Select(r => r.SubmitterId)
            .Concat(requests.SelectMany(r => r.Steps).SelectMany(s => new[] { s.DeciderId, s.DelegateId }).OfType<Guid>())
            .Distinct().ToList();
        var names = await db.Unscoped<User>().AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(Guid? id) => id is { } v && names.TryGetValue(v, out var n) ? n : null;
        return requests.Select(r =>
        {
            var steps = r.Steps.OrderBy(s => s.Order).Select(s => new ApprovalStepView(s.Id, s.Order, s.ApproverRole, s.Reason, s.Status,
                s.DelegateId, Name(s.DelegateId), s.DeciderId, Name(s.DeciderId), s.DecidedAt, s.Comment)).ToList();
            var current = r.Steps.FirstOrDefault(s => s.Status == ApprovalStepStatus.Pending);
            var pending = r.Status == ApprovalStatus.Pending;
            return new ApprovalView(r.Id, r.Version, r.DocumentType, r.DocumentId, r.AccountId, r.Title, r.Amount, r.SubmitterId,
                Name(r.SubmitterId) ?? "", r.SubmittedAt, r.Note, r.Status, r.ClosedAt, engine.Handler(r.DocumentType).Link(r.DocumentId), steps,
                CanDecide: pending && current is not null && engine.MayDecide(r, current),
                CanWithdraw: pending && r.SubmitterId == me.Id && r.Steps.All(s => s.Status is ApprovalStepStatus.Pending or ApprovalStepStatus.Waiting),
                CanDelegate: pending && engine.MayDelegate);
        }).ToList();
    }
}

/// <summary>One request with its steps; 404 for those who may not see it.</summary>
public sealed class GetApproval(ApprovalAccess access, ListApprovals list)
{
    public async Task<Result<ApprovalView>> Handle(Guid id, CancellationToken ct = default)
    {
        var request = await access.FindAsync(id, track: false, ct);
        if (request is null)
            return Error.NotFound("approval.not_found");
        return (await list.ViewsAsync([request], ct))[0];
    }
}
