using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Ledger;
using Kam.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Targets;

/// <summary>What a focus target (专项目标) is set on.</summary>
public enum FocusDimension
{
    /// <summary>品牌培育: orders of a product brand.</summary>
    Brand = 1,

    /// <summary>Orders of a product series.</summary>
    Series = 2,

    /// <summary>An account category (体系内经销商 / 地产 / 设计院 ...).</summary>
    Category = 3,

    /// <summary>A province (region).</summary>
    Region = 4,
}

/// <summary>
/// A department's focus target for one month (专项目标): one metric on one brand, series, account category or
/// province, with the three levels; its actual is computed from the records like every target's. Removed by
/// archiving, never deleted.
/// </summary>
[Scoped(Scope.Department)]
public class TargetFocus : Entity, IArchivable
{
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    public TargetMetric Metric { get; set; }

    public FocusDimension Dimension { get; set; }

    /// <summary>The brand or series as written on the products, the category's name in code, or the province's code.</summary>
    public string Value { get; set; } = "";

    public decimal Minimum { get; set; }

    public decimal Target { get; set; }

    public decimal Challenge { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
}

public sealed record FocusView(Guid? Id, Guid? Version, TargetMetric Metric, FocusDimension Dimension, string Value, string ValueName,
    TargetLevels Levels, decimal Actual, decimal? Percent);

public sealed record FocusChoice(FocusDimension Dimension, string Value, string Name);

/// <summary>A period's focus targets with their actuals; a month's are editable by the head and the assistant.</summary>
public sealed record FocusBoard(string Period, bool Editable, IReadOnlyList<FocusView> Items, IReadOnlyList<FocusChoice> Choices);

public sealed record FocusInput
{
    public Guid? Id { get; init; }

    public Guid? Version { get; init; }

    public TargetMetric? Metric { get; init; }

    public FocusDimension? Dimension { get; init; }

    public string? Value { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Target { get; init; }

    public decimal? Challenge { get; init; }
}

public sealed record FocusRemoveInput(Guid? Version);

/// <summary>
/// 专项目标: besides the breakdown to people, the head may target a brand's orders (品牌培育), a series', or any metric
/// of the accounts of one category or one province. A quarter or a year shows the sum of its months' levels against
/// the period's actual. Brand and series count confirmed order lines (a cancellation takes them back in its month);
/// categories and regions read the ledger through the accounts.
/// </summary>
public sealed class FocusTargets(IKamDb db, ICurrentUser me, Divisions divisions)
{
    private static readonly TargetMetric[] AccountMetrics =
        [TargetMetric.Signed, TargetMetric.Ordered, TargetMetric.Collected, TargetMetric.Visits, TargetMetric.NewAccounts, TargetMetric.NewOpportunityAmount];

    /// <summary>The metrics a dimension can be targeted on: orders for a brand or series, any ledger metric for accounts.</summary>
    public static IReadOnlyList<TargetMetric> MetricsOf(FocusDimension dimension) =>
        dimension is FocusDimension.Brand or FocusDimension.Series ? [TargetMetric.Ordered] : AccountMetrics;

    public async Task<Result<FocusBoard>> Get(string? period, CancellationToken ct = default)
    {
        if (Period.Parse(period) is not { } p)
            return Error.Validation("period", "target.period_invalid");
        var choices = await ChoicesAsync(ct);
        var names = choices.ToDictionary(c => (c.Dimension, c.Value), c => c.Name);
        var (start, end) = (p.Start, p.End);
        var focuses = await db.Read<TargetFocus>().AsNoTracking().Where(f => f.ArchivedAt == null && f.Month >= start && f.Month <= end).ToListAsync(ct);
        var monthly = p.Kind == PeriodKind.Month;
        var items = new List<FocusView>();
        foreach (var group in focuses.GroupBy(f => (f.Metric, f.Dimension, f.Value)).OrderBy(g => g.Key.Dimension).ThenBy(g => g.Key.Value, StringComparer.Ordinal).ThenBy(g => g.Key.Metric))
        {
            var levels = group.Aggregate(TargetLevels.Zero, (a, f) => a.Plus(new TargetLevels(f.Minimum, f.Target, f.Challenge)));
            var actual = await ActualAsync(group.Key.Metric, group.Key.Dimension, group.Key.Value, start, end, ct);
            var only = monthly && group.Count() == 1 ? group.Single() : null;
            items.Add(new FocusView(only?.Id, only?.Version, group.Key.Metric, group.Key.Dimension, group.Key.Value,
                names.GetValueOrDefault((group.Key.Dimension, group.Key.Value), group.Key.Value), levels, actual,
                levels.Target > 0 ? Math.Round(actual * 100 / levels.Target, 1) : null));
        }
        return new FocusBoard(p.ToString(), monthly && TargetAccess.Manages(me), items, choices);
    }

    public async Task<Result<Guid>> Save(string? period, FocusInput input, CancellationToken ct = default)
    {
        var asked = TargetAccess.MonthToSet(me, period);
        if (!asked.IsSuccess)
            return asked.Error!;
        var p = asked.Value;
        var errors = new List<FieldError>();
        if (input.Dimension is not { } dimension || !Enum.IsDefined(dimension))
        {
            errors.Add(new FieldError("dimension", "focus.dimension_required"));
            dimension = default;
        }
        if (input.Metric is not { } metric || !Enum.IsDefined(metric))
        {
            errors.Add(new FieldError("metric", "target.metric_invalid"));
            metric = default;
        }
        else if (dimension != default && !MetricsOf(dimension).Contains(metric))
        {
            errors.Add(new FieldError("metric", "focus.metric_not_for_dimension"));
        }
        var value = input.Value?.Trim() ?? "";
        if (dimension != default && !(await ChoicesAsync(ct)).Any(c => c.Dimension == dimension && c.Value == value))
            errors.Add(new FieldError("value", "focus.value_unknown"));
        var levels = SetTargets.Check(metric == default ? TargetMetric.Ordered : metric, "", input.Minimum, input.Target, input.Challenge, errors);
        if (errors.Count > 0)
            return Error.Validation(errors);

        var month = p.Start;
        TargetFocus? focus = null;
        if (input.Id is { } id)
        {
            focus = await db.Read<TargetFocus>().FirstOrDefaultAsync(f => f.Id == id && f.ArchivedAt == null, ct);
            // A focus target is changed in its own month only.
            if (focus is null || focus.Month != month)
                return Error.NotFound("focus.not_found");
            if (input.Version is not { } version || version != focus.Version)
                return Error.Conflict();
            db.Entry(focus).Property(f => f.Version).OriginalValue = version;
        }
        if (await db.Read<TargetFocus>().AnyAsync(f => f.ArchivedAt == null && f.Month == month && f.Metric == metric && f.Dimension == dimension && f.Value == value
                && f.Id != (focus == null ? Guid.Empty : focus.Id), ct))
            return Error.Validation("value", "focus.duplicate");
        if (focus is null)
        {
            focus = new TargetFocus { Month = month };
            db.Unscoped<TargetFocus>().Add(focus);
        }
        (focus.Metric, focus.Dimension, focus.Value) = (metric, dimension, value);
        (focus.Minimum, focus.Target, focus.Challenge) = (levels!.Minimum, levels.Target, levels.Challenge);
        try
        {
            return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : focus.Id;
        }
        catch (DbUpdateException)
        {
            // Two heads adding the same focus target at once: the unique index keeps one.
            return Error.Conflict();
        }
    }

    /// <summary>A focus target taken off the month (archived: the audit trail keeps it).</summary>
    public async Task<Result> Remove(Guid id, FocusRemoveInput input, CancellationToken ct = default)
    {
        if (!TargetAccess.Manages(me))
            return Error.Forbidden("target.read_only");
        var focus = await db.Read<TargetFocus>().FirstOrDefaultAsync(f => f.Id == id && f.ArchivedAt == null, ct);
        if (focus is null)
            return Error.NotFound("focus.not_found");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != focus.Version)
            return Error.Conflict();
        db.Entry(focus).Property(f => f.Version).OriginalValue = version;
        focus.ArchivedAt = DateTimeOffset.UtcNow;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private async Task<List<FocusChoice>> ChoicesAsync(CancellationToken ct)
    {
        var products = await db.Unscoped<Product>().AsNoTracking().Where(x => x.IsActive).Select(x => new { x.Brand, x.Series }).Distinct().ToListAsync(ct);
        var choices = new List<FocusChoice>();
        choices.AddRange(products.Select(x => x.Brand).Where(b => !string.IsNullOrWhiteSpace(b)).Distinct().Order(StringComparer.Ordinal)
            .Select(b => new FocusChoice(FocusDimension.Brand, b!, b!)));
        choices.AddRange(products.Select(x => x.Series).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct().Order(StringComparer.Ordinal)
            .Select(s => new FocusChoice(FocusDimension.Series, s!, s!)));
        choices.AddRange(Enum.GetValues<AccountCategory>().Select(c => new FocusChoice(FocusDimension.Category, c.ToString(), Text.Of(c))));
        choices.AddRange(divisions.Provinces.Select(d => new FocusChoice(FocusDimension.Region, d.Code, d.Name)));
        return choices;
    }

    private async Task<decimal> ActualAsync(TargetMetric metric, FocusDimension dimension, string value, DateOnly start, DateOnly until, CancellationToken ct)
    {
        if (dimension is FocusDimension.Brand or FocusDimension.Series)
        {
            // The lines of the orders confirmed in the period, less those of the orders cancelled in it: the period's orders
            // first (by their day's index), then their lines and products (CROSS JOIN keeps SQLite in that order; led by
            // the brand's products it would walk every line they ever had).
            var brand = dimension == FocusDimension.Brand;
            var confirmed = brand
                ? db.Database.SqlQuery<decimal>($"""
                    SELECT l."Amount" AS "Value" FROM "Orders" AS o CROSS JOIN "OrderLines" AS l CROSS JOIN "Products" AS p
                    WHERE o."ConfirmedOn" >= {start} AND o."ConfirmedOn" <= {until} AND o."ArchivedAt" IS NULL AND l."OrderId" = o."Id" AND p."Id" = l."ProductId" AND p."Brand" = {value}
                    """)
                : db.Database.SqlQuery<decimal>($"""
                    SELECT l."Amount" AS "Value" FROM "Orders" AS o CROSS JOIN "OrderLines" AS l CROSS JOIN "Products" AS p
                    WHERE o."ConfirmedOn" >= {start} AND o."ConfirmedOn" <= {until} AND o."ArchivedAt" IS NULL AND l."OrderId" = o."Id" AND p."Id" = l."ProductId" AND p."Series" = {value}
                    """);
            var cancelled = brand
                ? db.Database.SqlQuery<decimal>($"""
                    SELECT l."Amount" AS "Value" FROM "Orders" AS o CROSS JOIN "OrderLines" AS l CROSS JOIN "Products" AS p
                    WHERE o."CancelledOn" >= {start} AND o."CancelledOn" <= {until} AND o."ConfirmedOn" IS NOT NULL AND o."ArchivedAt" IS NULL AND l."OrderId" = o."Id" AND p."Id" = l."ProductId" AND p."Brand" = {value}
                    """)
                : db.Database.SqlQuery<decimal>($"""
                    SELECT l."Amount" AS "Value" FROM "Orders" AS o CROSS JOIN "OrderLines" AS l CROSS JOIN "Products" AS p
                    WHERE o."CancelledOn" >= {start} AND o."CancelledOn" <= {until} AND o."ConfirmedOn" IS NOT NULL AND o."ArchivedAt" IS NULL AND l."OrderId" = o."Id" AND p."Id" = l."ProductId" AND p."Series" = {value}
                    """);
            return (await confirmed.ToListAsync(ct)).Sum() - (await cancelled.ToListAsync(ct)).Sum();
        }
        if (TargetMetrics.Ledger(metric) is not { } ledger)
            return 0;
        // The accounts of the category or province first, each one's figures read from the ledger's (metric, account, day)
        // index, covered (CROSS JOIN keeps SQLite in that order: led by the period's facts it would look up an account for
        // each, twenty times slower over a year).
        var m = (int)ledger;
        var text = value;
        var sums = dimension == FocusDimension.Category
            ? db.Database.SqlQuery<FocusSum>($"""
                SELECT COALESCE(SUM(f."Fen"), 0) AS "Fen", COALESCE(SUM(f."Count"), 0) AS "Count"
                FROM "Accounts" AS a CROSS JOIN "LedgerFacts" AS f
                WHERE a."Category" = {text} AND f."Metric" = {m} AND f."AccountId" = a."Id" AND f."Day" >= {start} AND f."Day" <= {until}
                """)
            : db.Database.SqlQuery<FocusSum>($"""
                SELECT COALESCE(SUM(f."Fen"), 0) AS "Fen", COALESCE(SUM(f."Count"), 0) AS "Count"
                FROM "Accounts" AS a CROSS JOIN "LedgerFacts" AS f
                WHERE a."ProvinceCode" = {text} AND f."Metric" = {m} AND f."AccountId" = a."Id" AND f."Day" >= {start} AND f."Day" <= {until}
                """);
        var figure = (await sums.ToListAsync(ct)).Single();
        return TargetMetrics.IsMoney(metric) ? Fen.ToYuan(figure.Fen) : figure.Count;
    }
}

/// <summary>A figure's sum from the ledger, as read by raw SQL.</summary>
internal sealed record FocusSum(long Fen, long Count);
