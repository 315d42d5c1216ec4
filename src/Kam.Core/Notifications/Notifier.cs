using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Notifications;

/// <summary>One message for one person: <paramref name="Key"/> names the occasion (see <see cref="Notification.Key"/>).</summary>
public sealed record NotificationMessage(Guid UserId, string Kind, string Key, string? Subject = null, DateOnly? DueOn = null, string? Link = null);

/// <summary>
/// Puts messages in people's notification centres, once per occasion: a message whose (person, key) already exists is
/// skipped. Use cases call <see cref="Add"/> before their own SaveChanges so the message lands with the change;
/// background reminders call <see cref="SendAsync"/>, which saves on its own and tolerates another server having
/// written the same occasion a moment earlier.
/// </summary>
public sealed class Notifier(IKamDb db, TimeProvider clock)
{
    /// <summary>Adds the message to the unit of work of the caller (saved by the caller's SaveChanges).</summary>
    public void Add(NotificationMessage message) => db.Unscoped<Notification>().Add(Create(message));

    /// <summary>
    /// Like <see cref="Add"/>, unless the person already has this occasion (a step delegated to the same person
    /// again, or back and forth): the message is then there already, and a second one would break the unique key.
    /// </summary>
    public async Task AddOnceAsync(NotificationMessage message, CancellationToken ct)
    {
        if (db.Unscoped<Notification>().Local.Any(n => n.UserId == message.UserId && n.Key == message.Key)
            || await db.Unscoped<Notification>().AnyAsync(n => n.UserId == message.UserId && n.Key == message.Key, ct))
            return;
        Add(message);
    }

    /// <summary>Saves the messages not sent before; returns how many were new.</summary>
    public async Task<int> SendAsync(IReadOnlyCollection<NotificationMessage> messages, CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var byUser in messages.GroupBy(m => m.UserId))
        {
            var keys = byUser.Select(m => m.Key).Distinct().ToList();
            var existing = (await db.Unscoped<Notification>().AsNoTracking().Where(n => n.UserId == byUser.Key && keys.Contains(n.Key))
                .Select(n => n.Key).ToListAsync(ct)).ToHashSet();
            var fresh = byUser.DistinctBy(m => m.Key).Where(m => !existing.Contains(m.Key)).Select(Create).ToList();
            if (fresh.Count == 0)
                continue;
            // One save per person; only when another server wrote one of the occasions meanwhile, one save per message.
            db.Unscoped<Notification>().AddRange(fresh);
            try
            {
                await db.SaveChangesAsync(ct);
                sent += fresh.Count;
                // A reminder run may write thousands: keep the change tracker small for the next person's save.
                foreach (var notification in fresh)
                    db.Entry(notification).State = EntityState.Detached;
                continue;
            }
            catch (Exception e) when (e is DbUpdateException || e.InnerException is DbUpdateException)
            {
                // A duplicate, or (PostgreSQL) a deadlock with another run inserting the same occasions in another
                // order, which the retrying execution strategy reports wrapped: nothing was written, go one by one.
                foreach (var notification in fresh)
                    db.Entry(notification).State = EntityState.Detached;
            }
            foreach (var notification in fresh)
                sent += await SaveOneAsync(notification, ct) ? 1 : 0;
        }
        return sent;
    }

    private async Task<bool> SaveOneAsync(Notification notification, CancellationToken ct)
    {
        db.Unscoped<Notification>().Add(notification);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.Entry(notification).State = EntityState.Detached;
            // Another server wrote the same occasion between our read and our write: the unique index kept it once.
            if (await db.Unscoped<Notification>().AnyAsync(n => n.UserId == notification.UserId && n.Key == notification.Key, ct))
                return false;
            throw;
        }
    }

    private Notification Create(NotificationMessage m) => new()
    {
        UserId = m.UserId,
        Kind = m.Kind,
        Key = m.Key,
        Subject = m.Subject is { Length: > 200 } s ? s[..200] : m.Subject,
        DueOn = m.DueOn,
        Link = m.Link,
        CreatedAt = clock.GetUtcNow(),
    };
}
