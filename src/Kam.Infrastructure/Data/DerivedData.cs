using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Ledger;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kam.Infrastructure.Data;

/// <summary>What the check of the ledger against its records found.</summary>
public sealed record LedgerCheck(long Rows, int Differences, IReadOnlyList<string> First)
{
    public bool Equal => Differences == 0;
}

/// <summary>
/// The data Kam derives from the records and keeps in step as they change: the ledger of figures and the search
/// index. Rebuilt from the records by <c>Kam.Web.dll rebuild-ledger</c>, after a bulk seed, and at start-up when a
/// database has none yet (an upgrade); the ledger is checked against a rebuild every night.
/// </summary>
public sealed class DerivedData(KamDbContext db, TimeProvider clock, ILogger<DerivedData> logger)
{
    private const int Chunk = 20_000;

    /// <summary>The setting that says which <see cref="LedgerWriter.Version"/> the stored ledger was built by.</summary>
    public const string LedgerVersionKey = "ledger.version";

    /// <summary>Recomputes the whole ledger from the records (one source at a time) and replaces it.</summary>
    public async Task<long> RebuildLedgerAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await FixCreditsAsync(ct);
        long rows = 0;
        await using (var writer = new BulkWriter(db))
        {
            foreach (var source in LedgerWriter.Sources)
            {
                var sums = await LedgerWriter.ComputeAsync(db, source, clock.Today(), ct);
                var metrics = source.Metrics.ToList();
                await db.Set<LedgerFact>().Where(f => metrics.Contains(f.Metric)).ExecuteDeleteAsync(ct);
                await db.Set<LedgerDay>().Where(d => metrics.Contains(d.Metric)).ExecuteDeleteAsync(ct);
                await db.Set<LedgerTotal>().Where(d => metrics.Contains(d.Metric)).ExecuteDeleteAsync(ct);
                rows += await WriteAsync(writer, sums.Select(s => new LedgerFact
                {
                    Metric = s.Key.Item1,
                    Day = s.Key.Item2,
                    PersonId = s.Key.Item3,
                    AccountId = s.Key.Item4,
                    Fen = s.Value.Fen,
                    Count = s.Value.Count,
                }), ct);
                await WriteAsync(writer, LedgerWriter.Days(sums).Select(d => new LedgerDay
                {
                    Metric = d.Key.Item1,
                    Day = d.Key.Item2,
                    PersonId = d.Key.Item3,
                    Fen = d.Value.Fen,
                    Count = d.Value.Count,
                }), ct);
                await WriteAsync(writer, LedgerWriter.Totals(sums).Select(d => new LedgerTotal
                {
                    Metric = d.Key.Item1,
                    Day = d.Key.Item2,
                    Fen = d.Value.Fen,
                    Count = d.Value.Count,
                }), ct);
            }
        }
        await new Settings(db).SetAsync(LedgerVersionKey, LedgerWriter.Version, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ledger rebuilt from the records: {Rows} figures in {Seconds:0.0} s", rows,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return rows;
    }

    /// <summary>Writes the rows in bulk, a chunk at a time; returns how many.</summary>
    private static async Task<int> WriteAsync<T>(BulkWriter writer, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var count = 0;
        foreach (var chunk in rows.Chunk(Chunk))
        {
            await writer.WriteAsync(chunk, ct);
            count += chunk.Length;
        }
        return count;
    }

    private static readonly OrderStatus[] Confirmed = [OrderStatus.Confirmed, OrderStatus.PartlyShipped, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Closed];

    /// <summary>
    /// Records from before the ledger, or written in bulk past SaveChanges, get what the ledger's sources would have
    /// fixed when their facts arose: who is credited (the owner, for a payment the account's owner) and an order's
    /// day of confirmation (its order date).
    /// </summary>
    private async Task FixCreditsAsync(CancellationToken ct)
    {
        await db.Set<Contract>().Where(c => c.SignedOn != null && c.CreditedToId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.CreditedToId, c => c.OwnerId), ct);
        await db.Set<Order>().Where(o => Confirmed.Contains(o.Status) && o.ConfirmedOn == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.ConfirmedOn, o => o.OrderedOn).SetProperty(o => o.CreditedToId, o => o.OwnerId), ct);
        await db.Set<Account>().Where(a => a.Status != AccountStatus.Prospect && a.CreditedToId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.CreditedToId, a => a.OwnerId), ct);
        await db.Set<Kam.Core.Opportunities.Opportunity>().Where(o => o.CreditedToId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.CreditedToId, o => o.OwnerId), ct);
        await db.Set<Payment>().Where(p => p.CreditedToId == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.CreditedToId, p => db.Set<Account>().Where(a => a.Id == p.AccountId).Select(a => (Guid?)a.OwnerId).FirstOrDefault()), ct);
    }

    /// <summary>Compares the ledger with a rebuild of it; each difference is logged as an error (the first ten in full).</summary>
    public async Task<LedgerCheck> CheckLedgerAsync(CancellationToken ct = default)
    {
        var differences = 0;
        long rows = 0;
        var first = new List<string>();
        void Differ(string what)
        {
            differences++;
            if (first.Count < 10)
                first.Add(what);
        }
        foreach (var source in LedgerWriter.Sources)
        {
            var expected = await LedgerWriter.ComputeAsync(db, source, clock.Today(), ct);
            var days = LedgerWriter.Days(expected);
            var totals = LedgerWriter.Totals(expected);
            var metrics = source.Metrics.ToList();
            await foreach (var f in db.Set<LedgerFact>().AsNoTracking().Where(f => metrics.Contains(f.Metric)).AsAsyncEnumerable().WithCancellation(ct))
            {
                rows++;
                var key = (f.Metric, f.Day, f.PersonId, f.AccountId);
                var found = expected.Remove(key, out var e);
                if (!found && f.Fen == 0 && f.Count == 0)
                    continue;
                if (!found || e.Fen != f.Fen || e.Count != f.Count)
                    Differ($"{f.Metric} {f.Day:yyyy-MM-dd} person {f.PersonId} account {f.AccountId}: ledger {f.Fen} fen / {f.Count}, records {(found ? $"{e.Fen} fen / {e.Count}" : "none")}");
            }
            foreach (var (key, e) in expected)
                Differ($"{key.Item1} {key.Item2:yyyy-MM-dd} person {key.Item3} account {key.Item4}: ledger none, records {e.Fen} fen / {e.Count}");
            await foreach (var d in db.Set<LedgerDay>().AsNoTracking().Where(d => metrics.Contains(d.Metric)).AsAsyncEnumerable().WithCancellation(ct))
            {
                var found = days.Remove((d.Metric, d.Day, d.PersonId), out var e);
                if (!found && d.Fen == 0 && d.Count == 0)
                    continue;
                if (!found || e.Fen != d.Fen || e.Count != d.Count)
                    Differ($"{d.Metric} {d.Day:yyyy-MM-dd} person {d.PersonId} (day total): ledger {d.Fen} fen / {d.Count}, records {(found ? $"{e.Fen} fen / {e.Count}" : "none")}");
            }
            foreach (var (key, e) in days)
                Differ($"{key.Item1} {key.Item2:yyyy-MM-dd} person {key.Item3} (day total): ledger none, records {e.Fen} fen / {e.Count}");
            await foreach (var t in db.Set<LedgerTotal>().AsNoTracking().Where(t => metrics.Contains(t.Metric)).AsAsyncEnumerable().WithCancellation(ct))
            {
                var found = totals.Remove((t.Metric, t.Day), out var e);
                if (!found && t.Fen == 0 && t.Count == 0)
                    continue;
                if (!found || e.Fen != t.Fen || e.Count != t.Count)
                    Differ($"{t.Metric} {t.Day:yyyy-MM-dd} (department total): ledger {t.Fen} fen / {t.Count}, records {(found ? $"{e.Fen} fen / {e.Count}" : "none")}");
            }
            foreach (var (key, e) in totals)
                Differ($"{key.Item1} {key.Item2:yyyy-MM-dd} (department total): ledger none, records {e.Fen} fen / {e.Count}");
        }
        if (differences > 0)
            logger.LogError("The ledger differs from its records in {Count} figures; the first: {First}", differences, string.Join("; ", first));
        else
            logger.LogInformation("The ledger equals its records ({Rows} figures)", rows);
        return new LedgerCheck(rows, differences, first);
    }

    /// <summary>Every record type the search index covers (<see cref="ISearchable"/> in the model).</summary>
    private IEnumerable<Type> Searchables() =>
        db.Model.GetEntityTypes().Select(t => t.ClrType).Where(t => typeof(ISearchable).IsAssignableFrom(t)).OrderBy(t => t.Name, StringComparer.Ordinal);

    private async Task<List<SearchEntry>> EntriesOf<T>(CancellationToken ct)
        where T : class, ISearchable =>
        (await db.Set<T>().AsNoTracking().ToListAsync(ct))
            .Select(r => new SearchEntry { Kind = r.SearchKind, RecordId = ((Entity)(object)r).Id, Words = SearchWords.Of(r.SearchableText()) }).ToList();

    private Task<int> CountOf<T>(CancellationToken ct)
        where T : class => db.Set<T>().CountAsync(ct);

    private Task<TResult> Call<TResult>(string method, Type type, CancellationToken ct) =>
        (Task<TResult>)typeof(DerivedData).GetMethod(method, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(type).Invoke(this, [ct])!;

    /// <summary>Writes the search index anew from the records.</summary>
    public async Task<int> RebuildSearchAsync(CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await db.Set<SearchEntry>().ExecuteDeleteAsync(ct);
        var count = 0;
        await using (var writer = new BulkWriter(db))
        {
            foreach (var type in Searchables())
                count += await WriteAsync(writer, await Call<List<SearchEntry>>(nameof(EntriesOf), type, ct), ct);
        }
        logger.LogInformation("Search index rebuilt: {Count} entries in {Seconds:0.0} s", count,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        return count;
    }

    /// <summary>
    /// At start-up: builds what a database does not have yet (after the upgrade that brought it, or a restore of an
    /// older backup). Counting is cheap; the builds run only when something is missing.
    /// </summary>
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var indexed = await db.Set<SearchEntry>().GroupBy(e => e.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        foreach (var type in Searchables())
        {
            var kind = ((ISearchable)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type)).SearchKind;
            if (indexed.GetValueOrDefault(kind) != await Call<int>(nameof(CountOf), type, ct))
            {
                await RebuildSearchAsync(ct);
                break;
            }
        }
        // A database without a ledger, or with one from before its latest metrics (LedgerWriter.Version), gets it rebuilt.
        if (!await db.Set<LedgerFact>().AnyAsync(ct) || await new Settings(db).GetAsync(LedgerVersionKey, 1, ct) < LedgerWriter.Version)
            await RebuildLedgerAsync(ct);
    }
}
