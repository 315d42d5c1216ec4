using Kam.Core.Common;
using Kam.Core.Handovers;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>A leaver's open orders (neither closed nor cancelled) go to the receiver; finished ones stay in the history.</summary>
public sealed class OrderHandoverPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.orders";

    public int Order => 6;

    private IQueryable<Order> Open(Guid userId) =>
        db.Unscoped<Order>().Where(o => o.OwnerId == userId && o.Status != OrderStatus.Closed && o.Status != OrderStatus.Cancelled);

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => Open(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        await Open(fromUserId).OrderBy(o => o.OrderedOn).ThenBy(o => o.Number).Select(o => o.Number).Take(max).ToListAsync(ct);

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var orders = await Open(fromUserId).ToListAsync(ct);
        foreach (var order in orders)
            order.OwnerId = toUserId;
        return orders.Count;
    }
}
