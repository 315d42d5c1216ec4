using Kam.Core.Common;
using Kam.Core.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>
/// Automatic numbers of orders (SO-2026-000001) and shipments (FH-…, make-ups BF-…), one counter per series and year in
/// <see cref="NumberSequence"/>. The counter moves by one UPDATE statement inside its own short transaction, which
/// locks the row (PostgreSQL) or the database (SQLite) until the new value is read: two orders saved at the same
/// moment never get the same number. A number whose document then fails to save is skipped, never reused.
/// </summary>
public sealed class OrderNumbers(IKamDb db, TimeProvider clock)
{
    public Task<string> NextOrderAsync(CancellationToken ct) => NextInSeriesAsync("order", "SO", ct);

    public Task<string> NextShipmentAsync(bool makeUp, CancellationToken ct) => makeUp ? NextInSeriesAsync("makeup", "BF", ct) : NextInSeriesAsync("shipment", "FH", ct);

    /// <summary>The next number of any series of documents counted per year (expense claims: BX-2026-000001).</summary>
    public async Task<string> NextInSeriesAsync(string series, string prefix, CancellationToken ct)
    {
        var year = clock.Today().Year;
        var key = $"{series}:{year}";
        for (var attempt = 0; ; attempt++)
        {
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                var updated = await db.Unscoped<NumberSequence>().Where(s => s.Key == key)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Last, x => x.Last + 1), ct);
                if (updated == 1)
                {
                    var last = await db.Unscoped<NumberSequence>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Last).FirstAsync(ct);
                    await tx.CommitAsync(ct);
                    return $"{prefix}-{year}-{last:000000}";
                }
            }
            // First number of the year: create the counter; if someone else just did, the unique key refuses ours.
            var sequence = new NumberSequence { Key = key, Last = 0 };
            db.Unscoped<NumberSequence>().Add(sequence);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                db.Entry(sequence).State = EntityState.Detached;
            }
        }
    }
}
