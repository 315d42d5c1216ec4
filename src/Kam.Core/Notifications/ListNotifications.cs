using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Notifications;

public sealed record NotificationQuery
{
    /// <summary>true: only the unread ones.</summary>
    public bool? Unread { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record NotificationRow(Guid Id, string Kind, string? Subject, DateOnly? DueOn, string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

/// <summary>The signed-in person's own notification centre: newest first, and how many are unread (the bell).</summary>
public sealed class ListNotifications(IKamDb db, ICurrentUser me)
{
    public async Task<PagedResult<NotificationRow>> Handle(NotificationQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page ?? 1, q.PageSize ?? PageRequest.DefaultPageSize);
        var mine = Mine();
        if (q.Unread == true)
            mine = mine.Where(n => n.ReadAt == null);
        var total = await mine.CountAsync(ct);
        var items = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .PageOf(paging)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Subject, n.DueOn, n.Link, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new PagedResult<NotificationRow>(items, total);
    }

    public Task<int> UnreadCount(CancellationToken ct = default) => Mine().CountAsync(n => n.ReadAt == null, ct);

    private IQueryable<Notification> Mine()
    {
        var id = me.Id;
        return id is null ? db.Unscoped<Notification>().Where(_ => false) : db.Unscoped<Notification>().AsNoTracking().Where(n => n.UserId == id);
    }
}
