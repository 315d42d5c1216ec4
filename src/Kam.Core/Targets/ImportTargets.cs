using System.Globalization;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Kam.Core.Targets;

/// <summary>
/// A month's breakdown from the sheet the head keeps (the export's shape: period, metric, person, 保底, 目标, 挑战; a
/// department row and a row per person for each metric). Every bad cell is reported by row and column, and a metric
/// whose people do not add up to the department's target is reported on its department row; then all of it is saved
/// (each metric in the file replaces that metric's breakdown, people left out at zero) or, with any error, nothing.
/// </summary>
public sealed class ImportTargets(IKamDb db, ICurrentUser me, SetTargets set)
{
    public const int MaxRows = 5_000;
    public const string PeriodColumn = "target.period";
    public const string MetricColumn = "target.metric";
    public const string PersonColumn = "target.person";
    public const string MinimumColumn = "target.minimum";
    public const string TargetColumn = "target.target";
    public const string ChallengeColumn = "target.challenge";

    private static readonly SheetColumns Columns = new(PeriodColumn, MetricColumn, PersonColumn, MinimumColumn, TargetColumn, ChallengeColumn);

    private sealed record Line(int Row, TargetMetric Metric, Guid? Person, TargetLevels Levels);

    public async Task<Result<ImportResult>> Handle(string? period, string path, CancellationToken ct = default)
    {
        var asked = TargetAccess.MonthToSet(me, period);
        if (!asked.IsSuccess)
            return asked.Error!;
        var p = asked.Value;
        List<IDictionary<string, object?>> rows;
        try
        {
            var headers = MiniExcel.GetColumns(path, useHeaderRow: true, excelType: ExcelType.XLSX)?.Select(c => c.Trim()).ToHashSet();
            if (headers is null || !headers.Any(h => Columns.ColumnOf(h) == MetricColumn) || !headers.Any(h => Columns.ColumnOf(h) == PersonColumn))
                return Error.Validation("file", "import.bad_file");
            rows = MiniExcel.Query(path, useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or NotSupportedException or FormatException
            or System.Xml.XmlException or ArgumentException)
        {
            return Error.Validation("file", "import.bad_file");
        }
        if (rows.Count > MaxRows)
            return new ImportResult(rows.Count, 0, 0, false, [new ImportError(MaxRows + 2, "", "import.too_many_rows", MaxRows)]);

        var month = p.Start;
        var holders = await (from l in db.Unscoped<TargetLine>()
                             join s in db.Unscoped<TargetSheet>() on l.SheetId equals s.Id
                             where s.Month == month
                             select l.PersonId).Distinct().ToListAsync(ct);
        var ids = (await TargetAccess.ActiveManagerIdsAsync(db, ct)).Concat(holders).Distinct().ToList();
        var people = await db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct);
        var byName = people.SelectMany(u => new[] { u.DisplayName, u.UserName ?? "" }.Distinct().Select(n => (Name: n, u.Id)))
            .Where(x => x.Name.Length > 0).GroupBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Id).Distinct().ToList(), StringComparer.OrdinalIgnoreCase);

        var errors = new List<ImportError>();
        var lines = new List<Line>();
        // A metric with a bad row is not summed (its difference would only repeat the row's error).
        var broken = new HashSet<TargetMetric>();
        var total = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var row = i + 2;
            var cells = Columns.Row(rows[i]);
            string? Cell(string column) => cells.TryGetValue(column, out var v) && v is not null
                ? Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } s ? s : null
                : null;
            if (cells.Values.All(v => v is null || string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture))))
                continue;
            total++;
            var before = errors.Count;
            void Fail(string column, string code, params object[] args) => errors.Add(new ImportError(row, column, code, args));

            if (Cell(PeriodColumn) is { } text && Period.Parse(text) != p)
                Fail(PeriodColumn, "target.import_period_mismatch", p.ToString());
            var metric = TargetMetrics.All.Cast<TargetMetric?>().FirstOrDefault(m => Text.Means($"targetmetric.{m}", Cell(MetricColumn)) || string.Equals(m.ToString(), Cell(MetricColumn), StringComparison.OrdinalIgnoreCase));
            if (metric is null)
                Fail(MetricColumn, "target.metric_invalid");
            Guid? person = null;
            var who = Cell(PersonColumn);
            if (who is null)
                Fail(PersonColumn, "target.person_required");
            else if (!Text.Means("target.department", who))
            {
                if (!byName.TryGetValue(who, out var found))
                    Fail(PersonColumn, "target.import_person_unknown", who);
                else if (found.Count > 1)
                    Fail(PersonColumn, "target.import_person_ambiguous", who);
                else
                    person = found[0];
            }
            decimal? Level(string column)
            {
                var value = cells.GetValueOrDefault(column);
                if (!TryLevel(value, out var amount))
                {
                    Fail(column, "import.amount_invalid");
                    return null;
                }
                return amount;
            }
            var (minimum, target, challenge) = (Level(MinimumColumn), Level(TargetColumn), Level(ChallengeColumn));
            if (errors.Count > before && metric is { } known)
                broken.Add(known);
            if (errors.Count > before || metric is not { } m)
                continue;
            var fieldErrors = new List<FieldError>();
            var levels = SetTargets.Check(m, "", minimum, target, challenge, fieldErrors);
            foreach (var f in fieldErrors)
                Fail(f.Field switch { "minimum" => MinimumColumn, "challenge" => ChallengeColumn, _ => TargetColumn }, f.Code, f.Args);
            if (levels is null)
            {
                broken.Add(m);
                continue;
            }
            if (lines.Any(l => l.Metric == m && l.Person == person))
            {
                Fail(PersonColumn, "import.duplicate_in_file");
                broken.Add(m);
                continue;
            }
            lines.Add(new Line(row, m, person, levels));
        }

        var inputs = new List<TargetSheetInput>();
        foreach (var group in lines.Where(l => !broken.Contains(l.Metric)).GroupBy(l => l.Metric))
        {
            var department = group.FirstOrDefault(l => l.Person is null);
            if (department is null)
            {
                errors.Add(new ImportError(group.First().Row, PersonColumn, "target.import_department_missing", Text.Of(group.Key)));
                continue;
            }
            var sum = group.Where(l => l.Person is not null).Sum(l => l.Levels.Target);
            if (TargetMetrics.IsSummed(group.Key) && sum != department.Levels.Target)
            {
                errors.Add(new ImportError(department.Row, TargetColumn, "target.breakdown_mismatch", SetTargets.Shown(group.Key, sum),
                    SetTargets.Shown(group.Key, department.Levels.Target), SetTargets.Shown(group.Key, department.Levels.Target - sum)));
                continue;
            }
            var version = await db.Unscoped<TargetSheet>().Where(s => s.Month == month && s.Metric == group.Key).Select(s => (Guid?)s.Version).FirstOrDefaultAsync(ct);
            // A metric nobody has broken down, all zeros in the file (the export writes every metric): nothing to save.
            if (version is null && group.All(l => l.Levels == TargetLevels.Zero))
                continue;
            inputs.Add(new TargetSheetInput
            {
                Metric = group.Key,
                Version = version,
                Minimum = department.Levels.Minimum,
                Target = department.Levels.Target,
                Challenge = department.Levels.Challenge,
                People = group.Where(l => l.Person is not null)
                    .Select(l => new TargetLineInput { PersonId = l.Person, Minimum = l.Levels.Minimum, Target = l.Levels.Target, Challenge = l.Levels.Challenge }).ToList(),
            });
        }
        var failed = errors.Select(e => e.Row).Distinct().Count();
        if (errors.Count > 0 || (inputs.Count == 0 && lines.Count == 0))
        {
            if (errors.Count == 0)
                errors.Add(new ImportError(2, MetricColumn, "target.import_empty"));
            return new ImportResult(total, 0, Math.Max(failed, 1), false, errors.OrderBy(e => e.Row).ToList());
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var input in inputs)
        {
            var saved = await set.Handle(p.ToString(), input, ct);
            if (!saved.IsSuccess)
                return saved.Error!;
        }
        await tx.CommitAsync(ct);
        return new ImportResult(total, total, 0, true, []);
    }

    /// <summary>
    /// A level as the sheet holds it, exactly: a number is taken as it is (not rounded, so 100.001 and 1234.567 are
    /// refused by the levels' own checks), an amount as people write it ("120万", "¥8,000"); empty is no value. Beyond
    /// what a decimal holds it is not an amount.
    /// </summary>
    internal static bool TryLevel(object? value, out decimal? level)
    {
        level = null;
        switch (value)
        {
            case null:
                return true;
            case double d:
                if (double.IsNaN(d) || Math.Abs(d) > 1e15)
                    return false;
                level = (decimal)d;
                return true;
            case decimal m:
                level = m;
                return true;
            case int or long:
                level = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                return true;
        }
        var text = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim();
        if (string.IsNullOrEmpty(text))
            return true;
        if (Money.TryParse(text, out var parsed))
        {
            level = parsed;
            return true;
        }
        return false;
    }
}
