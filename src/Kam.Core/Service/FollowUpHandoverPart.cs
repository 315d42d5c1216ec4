using Kam.Core.Common;
using Kam.Core.Handovers;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>A leaver's open satisfaction follow-ups go to the receiver; answered ones stay as they were answered.</summary>
public sealed class FollowUpHandoverPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.follow_ups";

    public int Order => 5;

    private IQueryable<FollowUp> Open(Guid userId) => db.Unscoped<FollowUp>().Where(f => f.AssigneeId == userId && f.Status == FollowUpStatus.Open);

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => Open(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        await Open(fromUserId).OrderBy(f => f.DueOn).Select(f => f.Title).Take(max).ToListAsync(ct);

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var items = await Open(fromUserId).ToListAsync(ct);
        foreach (var f in items)
            f.AssigneeId = toUserId;
        return items.Count;
    }
}
