using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Ledger;

/// <summary>
/// Keeps the ledger in step with the records, for every capability at once: the DbContext's SaveChanges calls
/// <see cref="PrepareAsync"/> before it writes (the facts of each changed record as it was, subtracted, and as it is,
/// added) and <see cref="ApplyAsync"/> after, inside the same transaction, so a record and its figures are written
/// together or not at all.
/// </summary>
public static class LedgerWriter
{
    /// <summary>Every source of the core, found by reflection (a capability adds its own, edits no list).</summary>
    public static readonly IReadOnlyList<ILedgerSource> Sources = typeof(LedgerWriter).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ILedgerSource).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (ILedgerSource)Activator.CreateInstance(t, nonPublic: true)!)
        .ToList();

    private static readonly Dictionary<Type, ILedgerSource> ByType = Sources.ToDictionary(s => s.RecordType);

    /// <summary>
    /// The ledger's version: raised when a metric is added (2: developed accounts and opened projects; 3: goods shipped; 4: expenses),
    /// so that a database upgraded past it rebuilds its ledger once at start-up.
    /// </summary>
    public const int Version = 4;

    /// <summary>Balances (not flows): they follow an account to its new owner.</summary>
    public static readonly IReadOnlyList<LedgerMetric> Balances = [LedgerMetric.Receivable];

    /// <summary>The ledger's part of one SaveChanges: what to add to (or take from) each figure.</summary>
    public sealed class Pending
    {
        internal List<Fact> Deltas { get; } = [];

        public bool IsEmpty => Deltas.Count == 0;
    }

    public static async Task<Pending> PrepareAsync(DbContext db, DateOnly today, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var pending = new Pending();
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ByType.ContainsKey(e.Metadata.ClrType))
            .ToList();
        var facts = new List<Fact>();
        var was = new List<Fact>();

        // An account changing hands takes its balances along: each figure leaves the old owner for the new one.
        var moved = db.ChangeTracker.Entries<Account>()
            .Where(e => e.State == EntityState.Modified && (Guid)e.Property(a => a.OwnerId).OriginalValue! != e.Entity.OwnerId)
            .ToDictionary(e => e.Entity.Id, e => e.Entity.OwnerId);
        if (moved.Count > 0)
        {
            var ids = moved.Keys.ToList();
            var balances = Balances.ToList();
            foreach (var f in await db.Set<LedgerFact>().AsNoTracking().Where(f => ids.Contains(f.AccountId) && balances.Contains(f.Metric)).ToListAsync(ct))
            {
                var fact = new Fact(f.Metric, f.Day, f.PersonId, f.AccountId, f.Fen, f.Count);
                was.Add(fact);
                facts.Add(fact with { PersonId = moved[f.AccountId] });
            }
        }
        if (entries.Count == 0 && facts.Count == 0)
            return pending;

        var owners = new Dictionary<Guid, Guid>();
        var needed = entries.Where(e => ByType[e.Metadata.ClrType].NeedsOwners && e.Entity is IBelongsToAccount)
            .Select(e => ((IBelongsToAccount)e.Entity).AccountId).ToHashSet();
        foreach (var account in db.ChangeTracker.Entries<Account>().Where(e => needed.Contains(e.Entity.Id)))
            owners[account.Entity.Id] = account.Entity.OwnerId;
        var missing = needed.Where(id => !owners.ContainsKey(id)).ToList();
        // Looked up in slices: a parameter list of a few hundred ids at a time.
        foreach (var slice in missing.Chunk(500))
        {
            foreach (var row in await db.Set<Account>().AsNoTracking().Where(a => slice.Contains(a.Id)).Select(a => new { a.Id, a.OwnerId }).ToListAsync(ct))
                owners[row.Id] = row.OwnerId;
        }
        var context = new LedgerContext(today, owners);

        foreach (var entry in entries)
        {
            var source = ByType[entry.Metadata.ClrType];
            if (entry.State != EntityState.Deleted)
            {
                source.Stamp(entry.Entity, context);
                source.Facts(entry.Entity, context, facts);
            }
            if (entry.State != EntityState.Added)
                source.Facts(entry.OriginalValues.ToObject(), context, was);
        }
        // In key order: every transaction takes the rows' locks in the same order, so two saves touching the same
        // figures (one person's payments on one day) wait for each other instead of deadlocking on PostgreSQL.
        pending.Deltas.AddRange(facts.Concat(was.Select(f => f with { Fen = -f.Fen, Count = -f.Count }))
            .GroupBy(f => f.Key)
            .Select(g => g.First() with { Fen = g.Sum(f => f.Fen), Count = g.Sum(f => f.Count) })
            .Where(f => f.Fen != 0 || f.Count != 0)
            .OrderBy(f => f.Metric).ThenBy(f => f.Day).ThenBy(f => f.PersonId).ThenBy(f => f.AccountId));
        db.ChangeTracker.DetectChanges();
        return pending;
    }

    /// <summary>Writes the prepared figures; the caller holds the transaction its records were saved in.</summary>
    public static async Task ApplyAsync(DbContext db, Pending pending, CancellationToken ct)
    {
        foreach (var f in pending.Deltas)
        {
            var m = (int)f.Metric;
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "LedgerFacts" ("Metric", "Day", "PersonId", "AccountId", "Fen", "Count") VALUES ({m}, {f.Day}, {f.PersonId}, {f.AccountId}, {f.Fen}, {f.Count})
                ON CONFLICT ("Metric", "Day", "PersonId", "AccountId") DO UPDATE SET "Fen" = "LedgerFacts"."Fen" + excluded."Fen", "Count" = "LedgerFacts"."Count" + excluded."Count"
                """, ct);
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM \"LedgerFacts\" WHERE \"Metric\" = {m} AND \"Day\" = {f.Day} AND \"PersonId\" = {f.PersonId} AND \"AccountId\" = {f.AccountId} AND \"Fen\" = 0 AND \"Count\" = 0", ct);
        }
        // The same amounts into the per-person days.
        foreach (var d in pending.Deltas.GroupBy(f => (f.Metric, f.Day, f.PersonId)).Select(g => (g.Key, Fen: g.Sum(f => f.Fen), Count: g.Sum(f => f.Count)))
                     .OrderBy(d => d.Key.Metric).ThenBy(d => d.Key.Day).ThenBy(d => d.Key.PersonId))
        {
            if (d.Fen == 0 && d.Count == 0)
                continue;
            var (metric, day, person) = d.Key;
            var m = (int)metric;
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "LedgerDays" ("Metric", "Day", "PersonId", "Fen", "Count") VALUES ({m}, {day}, {person}, {d.Fen}, {d.Count})
                ON CONFLICT ("Metric", "Day", "PersonId") DO UPDATE SET "Fen" = "LedgerDays"."Fen" + excluded."Fen", "Count" = "LedgerDays"."Count" + excluded."Count"
                """, ct);
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM \"LedgerDays\" WHERE \"Metric\" = {m} AND \"Day\" = {day} AND \"PersonId\" = {person} AND \"Fen\" = 0 AND \"Count\" = 0", ct);
        }
        // And into the department's days.
        foreach (var d in pending.Deltas.GroupBy(f => (f.Metric, f.Day)).Select(g => (g.Key, Fen: g.Sum(f => f.Fen), Count: g.Sum(f => f.Count)))
                     .OrderBy(d => d.Key.Metric).ThenBy(d => d.Key.Day))
        {
            if (d.Fen == 0 && d.Count == 0)
                continue;
            var (metric, day) = d.Key;
            var m = (int)metric;
            await db.Database.ExecuteSqlAsync(
                $"""
                INSERT INTO "LedgerTotals" ("Metric", "Day", "Fen", "Count") VALUES ({m}, {day}, {d.Fen}, {d.Count})
                ON CONFLICT ("Metric", "Day") DO UPDATE SET "Fen" = "LedgerTotals"."Fen" + excluded."Fen", "Count" = "LedgerTotals"."Count" + excluded."Count"
                """, ct);
            await db.Database.ExecuteSqlAsync(
                $"DELETE FROM \"LedgerTotals\" WHERE \"Metric\" = {m} AND \"Day\" = {day} AND \"Fen\" = 0 AND \"Count\" = 0", ct);
        }
    }

    /// <summary>The department's days of a ledger's figures (zero days left out).</summary>
    public static Dictionary<(LedgerMetric, DateOnly), (long Fen, int Count)> Totals(
        Dictionary<(LedgerMetric, DateOnly, Guid, Guid), (long Fen, int Count)> facts) =>
        facts.GroupBy(f => (f.Key.Item1, f.Key.Item2))
            .Select(g => (g.Key, Fen: g.Sum(f => f.Value.Fen), Count: g.Sum(f => f.Value.Count)))
            .Where(d => d.Fen != 0 || d.Count != 0)
            .ToDictionary(d => d.Key, d => (d.Fen, d.Count));

    /// <summary>The per-person days of a ledger's figures (zero days left out).</summary>
    public static Dictionary<(LedgerMetric, DateOnly, Guid), (long Fen, int Count)> Days(
        Dictionary<(LedgerMetric, DateOnly, Guid, Guid), (long Fen, int Count)> facts) =>
        facts.GroupBy(f => (f.Key.Item1, f.Key.Item2, f.Key.Item3))
            .Select(g => (g.Key, Fen: g.Sum(f => f.Value.Fen), Count: g.Sum(f => f.Value.Count)))
            .Where(d => d.Fen != 0 || d.Count != 0)
            .ToDictionary(d => d.Key, d => (d.Fen, d.Count));

    /// <summary>The ledger of one source rebuilt from every record, summed per key (zero figures left out).</summary>
    public static async Task<Dictionary<(LedgerMetric, DateOnly, Guid, Guid), (long Fen, int Count)>> ComputeAsync(
        DbContext db, ILedgerSource source, DateOnly today, CancellationToken ct)
    {
        var owners = source.NeedsOwners
            ? await db.Set<Account>().AsNoTracking().Select(a => new { a.Id, a.OwnerId }).ToDictionaryAsync(a => a.Id, a => a.OwnerId, ct)
            : [];
        var context = new LedgerContext(today, owners);
        var sums = new Dictionary<(LedgerMetric, DateOnly, Guid, Guid), (long Fen, int Count)>();
        var facts = new List<Fact>();
        await foreach (var record in source.All(db).AsAsyncEnumerable().WithCancellation(ct))
        {
            facts.Clear();
            source.Facts(record, context, facts);
            foreach (var f in facts)
            {
                var (fen, count) = sums.GetValueOrDefault(f.Key);
                sums[f.Key] = (fen + f.Fen, count + f.Count);
            }
        }
        foreach (var key in sums.Where(s => s.Value is (0, 0)).Select(s => s.Key).ToList())
            sums.Remove(key);
        return sums;
    }
}
