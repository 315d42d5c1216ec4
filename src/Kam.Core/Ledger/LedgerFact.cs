using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kam.Core.Ledger;

/// <summary>What a ledger figure counts (业绩台账的指标).</summary>
public enum LedgerMetric
{
    /// <summary>Contracts signed: their amount on the signing day, credited to the owner when signed.</summary>
    Signed = 1,

    /// <summary>Orders confirmed: their total on the day confirmed, and the same amount negative on the day a confirmed
    /// order is cancelled; credited to the owner when confirmed.</summary>
    Ordered = 2,

    /// <summary>Money collected: each payment on the day received, and negative on the day it is reversed; credited to
    /// the account's owner when the payment was recorded.</summary>
    Collected = 3,

    /// <summary>Receivables open: what is still to collect of each unsettled instalment on its due date, counted
    /// per instalment; a balance, not a flow, so it follows the account to its current owner.</summary>
    Receivable = 4,

    /// <summary>Projects won: their expected amount on the day won, credited to the owner.</summary>
    Won = 5,

    /// <summary>Visits completed: counted on the visit's day, credited to the person who visited.</summary>
    VisitDone = 6,

    /// <summary>Key accounts developed (新开发大客户): counted on the day an account became active (or was created
    /// active), credited to its owner then.</summary>
    NewAccount = 7,

    /// <summary>Projects opened (新增商机): their expected amount on the day opened, credited to the owner then.</summary>
    Opened = 8,

    /// <summary>Goods shipped (发货额): a regular shipment's value on the day it shipped, credited to the order's
    /// credited person then.</summary>
    Shipped = 9,

    /// <summary>Money spent on an account (费用): an approved claim's line that names the account, on its day, credited
    /// to the claimant.</summary>
    Expense = 10,
}

/// <summary>
/// One figure of the department's ledger (业绩台账): per metric, business day, person credited and account, an amount
/// in whole fen (so that both databases sum it exactly and fast) and a count. Written by <see cref="LedgerWriter"/>
/// in the same transaction as the records that cause it, from the facts each <see cref="ILedgerSource"/> declares;
/// rebuilt and checked from the records by <c>Kam.Web.dll rebuild-ledger</c> and the nightly check.
/// Department-wide figures (workbench, receivables, forecast, and the targets, appraisal and reports to come) read
/// the ledger instead of re-reading every record.
/// </summary>
[Scoped(Scope.Account)]
public class LedgerFact : IBelongsToAccount, ILedgerFigure
{
    public LedgerMetric Metric { get; set; }

    public DateOnly Day { get; set; }

    public Guid PersonId { get; set; }

    public Guid AccountId { get; set; }

    /// <summary>The amount in fen (1 yuan = 100 fen).</summary>
    public long Fen { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// The ledger summed per metric, business day and person (no account): what the department-wide and per-person
/// figures read, a few thousand rows instead of hundreds of thousands. Written with <see cref="LedgerFact"/> by the
/// same statements, and checked with it.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(LedgerDayScope))]
public class LedgerDay : ILedgerFigure
{
    public LedgerMetric Metric { get; set; }

    public DateOnly Day { get; set; }

    public Guid PersonId { get; set; }

    public long Fen { get; set; }

    public int Count { get; set; }
}

/// <summary>
/// The ledger summed per metric and business day for the whole department: what the department's figures read (the
/// open receivables by due date, a year's collections), one row a day instead of one per person and day. Written with
/// the other grains by the same statements, and checked with them. The department's totals are shown to every
/// business role (an account manager compares their figures with them).
/// </summary>
[Scoped(Scope.Department)]
public class LedgerTotal : ILedgerFigure
{
    public LedgerMetric Metric { get; set; }

    public DateOnly Day { get; set; }

    /// <summary>Always empty: the department, not a person (here so that the readers of every grain are one).</summary>
    public Guid PersonId => Guid.Empty;

    public long Fen { get; set; }

    public int Count { get; set; }
}

/// <summary>Whoever sees every account sees every person's figures; an account manager their own.</summary>
public sealed class LedgerDayScope : IScopeRule<LedgerDay>
{
    public IQueryable<LedgerDay> Visible(IQueryable<LedgerDay> all, IKamDb db, ICurrentUser me)
    {
        if (Kam.Core.Accounts.DataScope.SeesAllAccounts(me))
            return all;
        if (Kam.Core.Accounts.DataScope.SeesOwnAccounts(me) && me.Id is { } id)
            return all.Where(d => d.PersonId == id);
        return all.Where(d => false);
    }
}

/// <summary>What the two grains of the ledger have in common, for readers that work on either.</summary>
public interface ILedgerFigure
{
    LedgerMetric Metric { get; }

    DateOnly Day { get; }

    Guid PersonId { get; }

    long Fen { get; }

    int Count { get; }
}

/// <summary>One fact a record contributes to the ledger.</summary>
public readonly record struct Fact(LedgerMetric Metric, DateOnly Day, Guid PersonId, Guid AccountId, long Fen, int Count)
{
    public (LedgerMetric, DateOnly, Guid, Guid) Key => (Metric, Day, PersonId, AccountId);
}

public static class Fen
{
    /// <summary>Yuan to whole fen, exactly (amounts are stored to the fen).</summary>
    public static long Of(decimal yuan) => checked((long)Math.Round(yuan * 100m, MidpointRounding.AwayFromZero));

    /// <summary>Whole fen back to yuan.</summary>
    public static decimal ToYuan(long fen) => fen / 100m;
}

/// <summary>What a source needs to know beyond its own record: today's business day and accounts' current owners.</summary>
public sealed class LedgerContext(DateOnly today, IReadOnlyDictionary<Guid, Guid> owners)
{
    public DateOnly Today { get; } = today;

    public Guid OwnerOf(Guid accountId) => owners.GetValueOrDefault(accountId);
}

/// <summary>
/// A kind of record that contributes to the ledger. Its facts are a function of the record alone (and of the
/// account's current owner for a balance that follows the account), so the ledger written change by change equals the
/// ledger rebuilt from the records: <see cref="LedgerWriter"/> subtracts the facts of a record as it was and adds
/// those of the record as it is. Who is credited is fixed on the record when the fact first arises
/// (<see cref="Stamp"/>), so a later handover moves the work, not the past figures.
/// </summary>
public interface ILedgerSource
{
    Type RecordType { get; }

    /// <summary>The metrics only this source writes (the rebuild and the check work per source).</summary>
    IReadOnlyList<LedgerMetric> Metrics { get; }

    /// <summary>Whether the facts need the account's current owner (<see cref="LedgerContext.OwnerOf"/>).</summary>
    bool NeedsOwners { get; }

    /// <summary>Fixes on a record being saved what its facts will need (the day, who is credited) when they first arise.</summary>
    void Stamp(object record, LedgerContext context);

    void Facts(object record, LedgerContext context, List<Fact> into);

    /// <summary>Every record of the type, for the rebuild.</summary>
    IQueryable<object> All(DbContext db);
}

public abstract class LedgerSource<T> : ILedgerSource
    where T : class
{
    public Type RecordType => typeof(T);

    public abstract IReadOnlyList<LedgerMetric> Metrics { get; }

    public virtual bool NeedsOwners => false;

    public void Stamp(object record, LedgerContext context) => Stamp((T)record, context);

    public void Facts(object record, LedgerContext context, List<Fact> into) => Facts((T)record, context, into);

    public IQueryable<object> All(DbContext db) => db.Set<T>().AsNoTracking();

    protected virtual void Stamp(T record, LedgerContext context)
    {
    }

    protected abstract void Facts(T record, LedgerContext context, List<Fact> into);
}

internal sealed class LedgerDayConfiguration : IEntityTypeConfiguration<LedgerDay>
{
    public void Configure(EntityTypeBuilder<LedgerDay> b)
    {
        b.ToTable("LedgerDays");
        b.HasKey(d => new { d.Metric, d.Day, d.PersonId });
        // One metric per person with the amounts in the index: grouping by person reads the index alone.
        b.HasIndex(d => new { d.Metric, d.PersonId, d.Day, d.Fen, d.Count });
    }
}

internal sealed class LedgerTotalConfiguration : IEntityTypeConfiguration<LedgerTotal>
{
    public void Configure(EntityTypeBuilder<LedgerTotal> b)
    {
        b.ToTable("LedgerTotals");
        b.HasKey(t => new { t.Metric, t.Day });
        b.Ignore(t => t.PersonId);
    }
}

internal sealed class LedgerFactConfiguration : IEntityTypeConfiguration<LedgerFact>
{
    public void Configure(EntityTypeBuilder<LedgerFact> b)
    {
        b.ToTable("LedgerFacts");
        // The key leads with the metric and the day: the readers sum one metric over a range of days. (On SQLite the
        // table is WITHOUT ROWID, so the key is the table and a range reads the amounts in place.)
        b.HasKey(f => new { f.Metric, f.Day, f.PersonId, f.AccountId });
        // One metric per account with the amounts in the index (so grouping by account reads the index alone), which
        // also serves an account manager's figures (their accounts) and moving an account's balance to a new owner.
        b.HasIndex(f => new { f.Metric, f.AccountId, f.Day, f.Fen, f.Count });
    }
}
