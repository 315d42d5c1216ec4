using Kam.Core.Common;
using Kam.Core.Exports;
using MiniExcelLibs;

namespace Kam.Core.Targets;

/// <summary>
/// The progress of a period as a workbook: one row per metric for the department and for each person the reader may
/// see, with the three levels, the actual, the share done and the projection; the export is logged.
/// </summary>
public sealed class ExportTargetProgress(IKamDb db, GetTargetProgress progress, ICurrentUser me)
{
    public async Task<Result<int>> WriteAsync(string? period, string path, CancellationToken ct = default)
    {
        var result = await progress.Handle(period, null, ct);
        if (!result.IsSuccess)
            return result.Error!;
        var report = result.Value;
        var rows = new List<Dictionary<string, object?>>();
        foreach (var metric in report.Metrics)
        {
            rows.Add(Row(report, metric.Metric, Text.Get("target.department"), metric.Department));
            rows.AddRange(metric.People.Select(p => Row(report, metric.Metric, p.Person.DisplayName, p.Figure)));
        }
        await using (var file = File.Create(path))
            await file.SaveAsAsync(rows, sheetName: report.Period, cancellationToken: ct);
        await db.RecordExportAsync(me, "targets", new { period = report.Period }, rows.Count, ct);
        return rows.Count;
    }

    private static Dictionary<string, object?> Row(TargetProgress report, TargetMetric metric, string who, ProgressFigure f) => new()
    {
        [Text.Get("target.period")] = report.Period,
        [Text.Get("target.metric")] = Text.Of(metric),
        [Text.Get("target.person")] = who,
        [Text.Get("target.minimum")] = f.Levels.Minimum,
        [Text.Get("target.target")] = f.Levels.Target,
        [Text.Get("target.challenge")] = f.Levels.Challenge,
        [Text.Get("target.actual")] = f.Actual,
        [Text.Get("target.done_pct")] = f.Percent,
        [Text.Get("target.time_progress_pct")] = report.TimePercent,
        [Text.Get("target.projection")] = f.Projection,
        [Text.Get("target.rank")] = f.Rank,
    };
}
