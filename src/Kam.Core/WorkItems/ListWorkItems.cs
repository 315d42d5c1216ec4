using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>The one list of tasks and action items; every filter is optional.</summary>
public sealed record WorkItemQuery
{
    public string? Search { get; init; }
    public Guid? Owner { get; init; }
    public Guid? Assigner { get; init; }
    public WorkItemStatus? Status { get; init; }

    /// <summary>true: open or in progress only.</summary>
    public bool? Open { get; init; }
    public WorkItemKind? Kind { get; init; }

    /// <summary>true: past due and not finished.</summary>
    public bool? Overdue { get; init; }
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }
    public Guid? Meeting { get; init; }
    public Guid? Account { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
    public string? Sort { get; init; }
}

public sealed class ListWorkItems(IKamDb db, TimeProvider clock)
{
    public async Task<PagedResult<WorkItemRow>> Handle(WorkItemQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize, q.Sort);
        var items = Filter(q, clock.Today());
        var total = await items.CountAsync(ct);
        var page = await Rows(Sort(items, paging).PageOf(paging), clock.Today()).ToListAsync(ct);
        return new PagedResult<WorkItemRow>(page, total);
    }

    private IQueryable<WorkItem> Filter(WorkItemQuery q, DateOnly today)
    {
        var items = db.Read<WorkItem>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var pattern = "%" + Like.Escape(q.Search.Trim().ToLowerInvariant()) + "%";
            items = items.Where(w => EF.Functions.Like(w.Title.ToLower(), pattern, Like.EscapeCharacter));
        }
        if (q.Owner is { } owner)
            items = items.Where(w => w.OwnerId == owner);
        if (q.Assigner is { } assigner)
            items = items.Where(w => w.AssignerId == assigner);
        if (q.Status is { } status)
            items = items.Where(w => w.Status == status);
        if (q.Open == true)
            items = items.Where(w => w.Status == WorkItemStatus.Open || w.Status == WorkItemStatus.InProgress);
        if (q.Kind is { } kind)
            items = items.Where(w => w.Kind == kind);
        if (q.Overdue == true)
            items = items.Where(w => w.DueOn < today && (w.Status == WorkItemStatus.Open || w.Status == WorkItemStatus.InProgress));
        if (q.DueFrom is { } from)
            items = items.Where(w => w.DueOn >= from);
        if (q.DueTo is { } to)
            items = items.Where(w => w.DueOn <= to);
        if (q.Meeting is { } meeting)
            items = items.Where(w => w.MeetingId == meeting);
        if (q.Account is { } account)
            items = items.Where(w => w.AccountId == account);
        return items;
    }

    private static readonly Sorting<WorkItem> Sorts = new Sorting<WorkItem>(q => q.OrderBy(w => w.DueOn).ThenBy(w => w.Id))
        .By("title", w => w.Title, q => q.ThenBy(w => w.Id))
        .By("status", w => w.Status, q => q.ThenBy(w => w.DueOn))
        .By("createdAt", w => w.CreatedAt)
        .By("updatedAt", w => w.UpdatedAt)
        .By("dueOn", w => w.DueOn, q => q.ThenBy(w => w.Id));

    private static IQueryable<WorkItem> Sort(IQueryable<WorkItem> items, PageRequest paging) => Sorts.Apply(items, paging);

    /// <summary>The rows of some visible items; names come from the reader's own scope (an unseen account stays nameless).</summary>
    public IQueryable<WorkItemRow> Rows(IQueryable<WorkItem> items, DateOnly today) =>
        items.Select(w => new WorkItemRow(w.Id, w.Kind, w.Title, w.Status, w.DueOn,
            w.DueOn < today && (w.Status == WorkItemStatus.Open || w.Status == WorkItemStatus.InProgress),
            w.OwnerId, db.Unscoped<User>().Where(u => u.Id == w.OwnerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            w.AssignerId, db.Unscoped<User>().Where(u => u.Id == w.AssignerId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            w.AccountId, db.Read<Account>().Where(a => a.Id == w.AccountId).Select(a => a.Name).FirstOrDefault(),
            w.MeetingId, db.Unscoped<Meeting>().Where(m => m.Id == w.MeetingId).Select(m => m.Title).FirstOrDefault(),
            w.UpdatedAt));
}
