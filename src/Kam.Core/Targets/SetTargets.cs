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
        if (p.Kind != PeriodKind.Month)
            return Error.Validation("period", "target.period_month_only");
        if (input.Metric is not { } metric || !Enum.IsDefined(metric))
            return Error.Validation("metric", "target.metric_invalid");

        var errors = new List<FieldError>();
        var department = Check(metric, "", input.Minimum, input.Target, input.Challenge, errors);
        var people = input.People ?? [];
        var managers = (await TargetAccess.ActiveManagerIdsAsync(db, ct)).ToHashSet();
        var month = p.Start;
        var sheet = await db.Unscoped<TargetSheet>().FirstOrDefaultAsync(s => s.Month == month && s.Metric == metric, ct);
        var lines = sheet is null ? [] : await db.Unscoped<TargetLine>().Where(l => l.SheetId == sheet.Id).ToListAsync(ct);
        var wanted = new List<(Guid Person, TargetLevels Levels)>();
        for (var i = 0; i < people.Count; i++)
        {
            var line = people[i];
            var field = $"people[{i}].";
            if (line.PersonId is not { } person || person == Guid.Empty)
                errors.Add(new FieldError(field + "personId", "target.person_required"));
            else if (!managers.Contains(person) && lines.All(l => l.PersonId != person))
                errors.Add(new FieldError(field + "personId", "target.person_not_manager"));
            else if (wanted.Any(w => w.Person == person))
                errors.Add(new FieldError(field + "personId", "target.person_duplicate"));
            var levels = Check(metric, field, line.Minimum, line.Target, line.Challenge, errors);
            if (line.PersonId is { } id && levels is not null)
                wanted.Add((id, levels));
        }
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
