using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Notifications;

/// <summary>Marks the signed-in person's notifications read. Someone else's notification does not exist for them (404).</summary>
public sealed class MarkNotificationsRead(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public async Task<Result> One(Guid id, CancellationToken ct = default)
    {
        var userId = me.Id;
        var notification = await db.Unscoped<Notification>().FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is null)
            return Error.NotFound("notification.not_found");
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        return Result.Success;
    }

    /// <summary>Returns how many were unread.</summary>
    public async Task<int> All(CancellationToken ct = default)
    {
        var userId = me.Id;
        if (userId is null)
            return 0;
        var now = clock.GetUtcNow();
        return await db.Unscoped<Notification>().Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
