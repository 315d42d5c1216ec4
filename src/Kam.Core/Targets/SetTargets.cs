using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Targets;

/// <summary>
/// The head (or the assistant) sets one metric's targets for a month and breaks them down to people (目标分解): each
/// level 保底 ≤ 目标 ≤ 挑战, and for a summed metric the people's targets add up exactly to the department's. A
/// person left out keeps a line at zero (nothing is deleted); the whole breakdown saves at once or not at all, and a
/// save over someone else's newer one gets 409.
/// </summary>
public sealed class SetTargets(IKamDb db, ICurrentUser me)
{
    public const decimal MaxAmount = 1_000_000_000_000m;

    public async Task<Result> Handle(string? period, TargetSheetInput input, CancellationToken ct = default)
    {
        if (!TargetAccess.Manages(me))
            return Error.Forbidden("target.read_only");
        if (Period.Parse(period) is not { } p)
            return Error.Validation("period", "target.period_invalid");
        if (input.Metric is not { } metric || !Enum.IsDefined(metric))
            return Error.Validation("metric", "target.metric_invalid");
        if (p.Kind != PeriodKind.Month)
            return await SpreadAsync(p, metric, input, ct);
        return await SaveMonthAsync(p, metric, input, ct);
    }

    private async Task<Result> SaveMonthAsync(Period p, TargetMetric metric, TargetSheetInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var department = Check(metric, "", input.Minimum, input.Target, input.Challenge, errors);
        var people = input.People ?? [];
        var managers = (await TargetAccess.ActiveManagerIdsAsync(db, ct)).ToHashSet();
        var month = p.Start;
        var sheet = await db.Unscoped<TargetSheet>().FirstOrDefaultAsync(s => s.Month == month && s.Metric == metric, ct);
        var lines = sheet is null ? [] : await db.Unscoped<TargetLine>().Where(l => l.SheetId == sheet.Id).ToListAsync(ct);
        var wanted = People(metric, people, person => managers.Contains(person) || lines.Any(l => l.PersonId == person), errors);
        if (errors.Count > 0)
            return Error.Validation(errors);
        if (TargetMetrics.IsSummed(metric))
        {
            var sum = wanted.Sum(w => w.Levels.Target);
            if (sum != department!.Target)
                return Error.Validation("people", "target.breakdown_mismatch", Shown(metric, sum), Shown(metric, department.Target), Shown(metric, department.Target - sum));
        }

        if (sheet is null)
        {
            if (input.Version is not null)
                return Error.Conflict();
            sheet = new TargetSheet { Month = month, Metric = metric };
            db.Unscoped<TargetSheet>().Add(sheet);
        }
        else
        {
            // No version: the reader saw no breakdown, and someone has saved one since.
            if (input.Version is not { } version || version != sheet.Version)
                return Error.Conflict();
            db.Entry(sheet).Property(s => s.Version).OriginalValue = version;
            // The sheet is saved (and its version renewed) even when only lines change: the guard of the whole breakdown.
            sheet.Version = Guid.NewGuid();
        }
        (sheet.Minimum, sheet.Target, sheet.Challenge) = (department!.Minimum, department.Target, department.Challenge);
        foreach (var line in lines.Where(l => wanted.All(w => w.Person != l.PersonId)))
            (line.Minimum, line.Target, line.Challenge) = (0, 0, 0);
        foreach (var (person, levels) in wanted)
        {
            var line = lines.FirstOrDefault(l => l.PersonId == person);
            if (line is null)
            {
                line = new TargetLine { SheetId = sheet.Id, PersonId = person };
                db.Unscoped<TargetLine>().Add(line);
            }
            (line.Minimum, line.Target, line.Challenge) = (levels.Minimum, levels.Target, levels.Challenge);
        }
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>
    /// A quarter's or a year's targets spread over its months (按季度/年度分解到月): the department's and each person's
    /// levels divided evenly or in the proportion of the department's actuals in the same months a year earlier (evenly
    /// when there were none), to the fen (a count to the unit), what is left over going to the heaviest month; each
    /// month's department target is then its people's sum, so every month adds up and the months add up to the period.
    /// A rate (the A-tier coverage) is the same in every month. Saved month by month in one transaction; the period's
    /// version (a fingerprint of its months' versions) guards it against a stale save.
    /// </summary>
    private async Task<Result> SpreadAsync(Period p, TargetMetric metric, TargetSheetInput input, CancellationToken ct)
    {
        if (input.Spread is not { } method || !Enum.IsDefined(method))
            return Error.Validation("spread", "target.spread_required");
        var errors = new List<FieldError>();
        var department = Check(metric, "", input.Minimum, input.Target, input.Challenge, errors);
        var people = input.People ?? [];
        var (sheets, lines) = await GetTargets.ReadAsync(db, p, ct);
        sheets = sheets.Where(s => s.Metric == metric).OrderBy(s => s.Month).ToList();
        var holders = lines.Where(l => sheets.Any(s => s.Id == l.SheetId)).Select(l => l.PersonId).ToHashSet();
        var managers = (await TargetAccess.ActiveManagerIdsAsync(db, ct)).ToHashSet();
        var wanted = People(metric, people, person => managers.Contains(person) || holders.Contains(person), errors);
        if (errors.Count > 0)
            return Error.Validation(errors);
        var summed = TargetMetrics.IsSummed(metric);
        if (summed && wanted.Sum(w => w.Levels.Target) is var sum && sum != department!.Target)
            return Error.Validation("people", "target.breakdown_mismatch", Shown(metric, sum), Shown(metric, department.Target), Shown(metric, department.Target - sum));
        if (input.Version != Fingerprint(sheets))
            return Error.Conflict();

        var months = Enumerable.Range(0, p.Kind == PeriodKind.Quarter ? 3 : 12).Select(i => p.Start.AddMonths(i)).ToList();
        var weights = await WeightsAsync(metric, method, months, ct);
        var unit = TargetMetrics.IsCount(metric) ? 1m : 0.01m;
        // A level's months: the target divided, then the minimum and the challenge as the target less (or plus) their
        // own gaps divided, so every month keeps 保底 <= 目标 <= 挑战 and each level's months add up to the level.
        TargetLevels[] Spread(TargetLevels levels, decimal[]? targets = null)
        {
            if (!summed)
                return months.Select(_ => levels).ToArray();
            targets ??= Divide(levels.Target, weights, unit);
            var below = Divide(levels.Target - levels.Minimum, weights, unit);
            var above = Divide(levels.Challenge - levels.Target, weights, unit);
            return Enumerable.Range(0, months.Count).Select(m => new TargetLevels(Math.Max(0, targets[m] - below[m]), targets[m], targets[m] + above[m])).ToArray();
        }
        var byPerson = wanted.Select(w => (w.Person, Months: Spread(w.Levels))).ToList();
        // The department's months: its people's targets summed (so each month adds up), its own gaps around them.
        var departmentMonths = Spread(department!, summed && byPerson.Count > 0
            ? Enumerable.Range(0, months.Count).Select(m => byPerson.Sum(x => x.Months[m].Target)).ToArray()
            : null);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        for (var m = 0; m < months.Count; m++)
        {
            var levels = departmentMonths[m];
            var monthInput = new TargetSheetInput
            {
                Metric = metric,
                Version = sheets.FirstOrDefault(s => s.Month == months[m])?.Version,
                Minimum = levels.Minimum,
                Target = levels.Target,
                Challenge = levels.Challenge,
                People = byPerson.Select(x => new TargetLineInput
                {
                    PersonId = x.Person,
                    Minimum = x.Months[m].Minimum,
                    Target = x.Months[m].Target,
                    Challenge = x.Months[m].Challenge,
                }).ToList(),
            };
            var saved = await SaveMonthAsync(Period.MonthOf(months[m]), metric, monthInput, ct);
            if (!saved.IsSuccess)
                return saved;
        }
        await tx.CommitAsync(ct);
        return Result.Success;
    }

    /// <summary>Each person's line checked (someone who may hold a target, once, with levels in order), the errors beside
    /// their fields.</summary>
    private static List<(Guid Person, TargetLevels Levels)> People(TargetMetric metric, IReadOnlyList<TargetLineInput> people, Func<Guid, bool> mayHold, List<FieldError> errors)
    {
        var wanted = new List<(Guid Person, TargetLevels Levels)>();
        for (var i = 0; i < people.Count; i++)
        {
            var line = people[i];
            var field = $"people[{i}].";
            if (line is null)
            {
                errors.Add(new FieldError(field + "personId", "target.person_required"));
                continue;
            }
            if (line.PersonId is not { } person || person == Guid.Empty)
                errors.Add(new FieldError(field + "personId", "target.person_required"));
            else if (!mayHold(person))
                errors.Add(new FieldError(field + "personId", "target.person_not_manager"));
            else if (wanted.Any(w => w.Person == person))
                errors.Add(new FieldError(field + "personId", "target.person_duplicate"));
            var levels = Check(metric, field, line.Minimum, line.Target, line.Challenge, errors);
            if (line.PersonId is { } id && levels is not null)
                wanted.Add((id, levels));
        }
        return wanted;
    }

    /// <summary>The version of a quarter or a year: its months' versions together (null while none is set).</summary>
    public static Guid? Fingerprint(IEnumerable<TargetSheet> sheets)
    {
        var text = string.Join(";", sheets.OrderBy(s => s.Month).Select(s => $"{s.Month:yyyy-MM}:{s.Version:N}"));
        return text.Length == 0 ? null : new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Each month's weight: 1 each, or the department's actual in the same month a year earlier.</summary>
    private async Task<decimal[]> WeightsAsync(TargetMetric metric, TargetSpread method, List<DateOnly> months, CancellationToken ct)
    {
        var even = months.Select(_ => 1m).ToArray();
        if (method == TargetSpread.Even || TargetMetrics.Ledger(metric) is not { } ledger)
            return even;
        var (from, to) = (months[0].AddYears(-1), months[^1].AddYears(-1).AddMonths(1).AddDays(-1));
        var money = TargetMetrics.IsMoney(metric);
        var days = await db.Unscoped<Ledger.LedgerTotal>().AsNoTracking().Where(d => d.Metric == ledger && d.Day >= from && d.Day <= to)
            .Select(d => new { d.Day, d.Fen, d.Count }).ToListAsync(ct);
        var weights = months.Select(m => Math.Max(0m, days.Where(d => d.Day.Year == m.Year - 1 && d.Day.Month == m.Month).Sum(d => money ? d.Fen : d.Count))).ToArray();
        return weights.Sum() > 0 ? weights : even;
    }

    /// <summary>An amount divided by weights in whole units, exactly: each share rounded down, the rest to the heaviest month.</summary>
    public static decimal[] Divide(decimal value, decimal[] weights, decimal unit)
    {
        var total = weights.Sum();
        var parts = weights.Select(w => Math.Floor(value * w / total / unit) * unit).ToArray();
        var heaviest = Array.IndexOf(weights, weights.Max());
        parts[heaviest] += value - parts.Sum();
        return parts;
    }

    /// <summary>An amount in the message as everywhere (¥1,900,000.00), a count as a number.</summary>
    internal static string Shown(TargetMetric metric, decimal value) =>
        TargetMetrics.IsMoney(metric) ? Money.Format(value) : value.ToString("#,##0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The three levels of one line, or null with the errors beside their fields.</summary>
    internal static TargetLevels? Check(TargetMetric metric, string prefix, decimal? minimum, decimal? target, decimal? challenge, List<FieldError> errors)
    {
        var before = errors.Count;
        decimal Level(string name, decimal? value)
        {
            if (value is not { } v)
            {
                errors.Add(new FieldError(prefix + name, "target.level_required"));
                return 0;
            }
            if (v < 0 || v > (metric == TargetMetric.ATierCoverage ? 100 : MaxAmount))
                errors.Add(new FieldError(prefix + name, metric == TargetMetric.ATierCoverage ? "target.percent_range" : "target.level_range"));
            else if (TargetMetrics.IsCount(metric) && v != Math.Floor(v))
                errors.Add(new FieldError(prefix + name, "target.whole_number"));
            else if (Math.Round(v, 2) != v)
                errors.Add(new FieldError(prefix + name, "target.two_decimals"));
            return v;
        }
        var (min, goal, top) = (Level("minimum", minimum), Level("target", target), Level("challenge", challenge));
        if (errors.Count > before)
            return null;
        if (min > goal)
            errors.Add(new FieldError(prefix + "minimum", "target.minimum_above_target"));
        if (top < goal)
            errors.Add(new FieldError(prefix + "challenge", "target.challenge_below_target"));
        return errors.Count > before ? null : new TargetLevels(min, goal, top);
    }
}
