using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Targets;

/// <summary>
/// The breakdown of a period as a workbook, one row per metric for the department and for each person the reader may
/// see (period, metric, person, minimum, target, challenge): the sheet the head keeps, and the shape its import will
/// take. The export is logged.
/// </summary>
public sealed class ExportTargets(IKamDb db, GetTargets targets, ICurrentUser me)
{
    public async Task<Result<int>> WriteAsync(string? period, string path, CancellationToken ct = default)
    {
        var result = await targets.Handle(period, ct);
        if (!result.IsSuccess)
            return result.Error!;
        var breakdown = result.Value;
        var rows = new List<Dictionary<string, object?>>();
        foreach (var sheet in breakdown.Sheets)
        {
            rows.Add(Row(breakdown.Period, sheet.Metric, Text.Get("target.department"), sheet.Department));
            rows.AddRange(sheet.People.Select(p => Row(breakdown.Period, sheet.Metric, p.Person.DisplayName, p.Levels)));
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(rows, sheetName: breakdown.Period, cancellationToken: ct);
        await db.RecordExportAsync(me, "target_breakdown", new { period = breakdown.Period }, rows.Count, ct);
        return rows.Count;
    }

    private static Dictionary<string, object?> Row(string period, TargetMetric metric, string who, TargetLevels levels) => new()
    {
        [Text.Get("target.period")] = period,
        [Text.Get("target.metric")] = Text.Of(metric),
        [Text.Get("target.person")] = who,
        [Text.Get("target.minimum")] = levels.Minimum,
        [Text.Get("target.target")] = levels.Target,
        [Text.Get("target.challenge")] = levels.Challenge,
    };
}
