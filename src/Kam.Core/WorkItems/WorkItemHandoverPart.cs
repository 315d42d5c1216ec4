using Kam.Core.Common;
using Kam.Core.Handovers;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>A leaver's unfinished tasks and action items go to the receiver; finished ones stay in the leaver's history.</summary>
public sealed class WorkItemHandoverPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.work_items";

    public int Order => 3;

    private IQueryable<WorkItem> Open(Guid userId) =>
        db.Unscoped<WorkItem>().Where(w => w.OwnerId == userId && (w.Status == WorkItemStatus.Open || w.Status == WorkItemStatus.InProgress));

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => Open(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        await Open(fromUserId).OrderBy(w => w.DueOn).ThenBy(w => w.Id).Select(w => w.Title).Take(max).ToListAsync(ct);

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var items = await Open(fromUserId).ToListAsync(ct);
        foreach (var item in items)
            item.OwnerId = toUserId;
        return items.Count;
    }
}
