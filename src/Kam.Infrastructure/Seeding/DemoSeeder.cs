using Kam.Core.Users;
using Kam.Infrastructure.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kam.Infrastructure.Seeding;

/// <summary>Options of the demo generator (<c>Kam:DemoOptions</c>); later capabilities read <see cref="Scale"/>.</summary>
public sealed class DemoOptions
{
    /// <summary>Fixed seed: the same demo department every time.</summary>
    public int RandomSeed { get; set; } = 2026;

    /// <summary>Size of the generated book: 0 for the demo department, e.g. 50000 accounts for the benchmarks.</summary>
    public int Scale { get; set; }
}

/// <summary>What steps share while seeding: one deterministic random source and the people created so far.</summary>
public sealed class SeedContext(DemoOptions options)
{
    public DemoOptions Options { get; } = options;

    public Random Random { get; } = new(options.RandomSeed);

    public Dictionary<string, User> Users { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>
/// One part of the demo department. Each capability adds a step; steps run in <see cref="Order"/> and must be
/// idempotent (seeding runs at every start in demo mode and only fills what is missing).
/// </summary>
public interface ISeedStep
{
    int Order { get; }

    /// <summary>Whether the step reads the derived data (the ledger, the search index): it runs after they are built.</summary>
    bool NeedsDerivedData => false;

    Task RunAsync(SeedContext context, CancellationToken ct);
}

public sealed class DemoSeeder(IEnumerable<ISeedStep> steps, IOptions<DemoOptions> options, Kam.Core.Common.IDatabaseMaintenance maintenance,
    KamDbContext db, DerivedData derived, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        var context = new SeedContext(options.Value);
        var writtenBefore = db.RowsWrittenInBulk; // the start-up's own builds of derived data use the bulk writer too
        foreach (var step in steps.Where(s => !s.NeedsDerivedData).OrderBy(s => s.Order))
            await RunAsync(step, context, ct);
        if (db.RowsWrittenInBulk > writtenBefore)
        {
            // Rows written in bulk went past SaveChanges: the ledger and the search index are built from them now.
            await derived.RebuildSearchAsync(ct);
            await derived.RebuildLedgerAsync(ct);
            // Tables filled by COPY a moment ago have no statistics yet (autovacuum comes later): without them
            // PostgreSQL planned the commission run's late-payment check as nested loops over 500,000 payments and
            // timed out. The steps below query what was just written.
            await maintenance.RefreshStatisticsAsync(ct);
        }
        foreach (var step in steps.Where(s => s.NeedsDerivedData).OrderBy(s => s.Order))
            await RunAsync(step, context, ct);
        await maintenance.RefreshStatisticsAsync(ct);
    }

    private async Task RunAsync(ISeedStep step, SeedContext context, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await step.RunAsync(context, ct);
        logger.LogInformation("Demo seed step {Step} done in {Elapsed} ms", step.GetType().Name,
            (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
