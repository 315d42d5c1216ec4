using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.DailyReports;

internal static class Untrack
{
    /// <summary>
    /// Forgets what a use case loaded or added: a Blazor circuit keeps one DbContext for its whole life, so a refused
    /// save must not linger to be retried by the next one, and a later read must see the database, not this copy.
    /// </summary>
    public static void All(IKamDb db, params object?[] entities)
    {
        foreach (var entity in entities.OfType<object>())
            db.Entry(entity).State = EntityState.Detached;
        foreach (var added in db.ChangeTracker.Entries<Notifications.Notification>().Where(e => e.State == EntityState.Added).ToList())
            added.State = EntityState.Detached;
    }
}
