using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Common;

public static class ConcurrencyExtensions
{
    /// <summary>Saves; a record someone else saved in between is refused with 409 instead of being overwritten.</summary>
    public static async Task<Error?> SaveOrConflictAsync(this IKamDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Nothing of the refused save may linger in a long-lived context (a Blazor circuit) and ride along with the next.
            db.ChangeTracker.Clear();
            return Error.Conflict();
        }
    }
}
