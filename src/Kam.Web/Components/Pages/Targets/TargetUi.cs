using System.Globalization;
using Kam.Core.Targets;

namespace Kam.Web.Components.Pages.Targets;

/// <summary>How a target figure reads: money as money, visits as a count, coverage as a percentage.</summary>
public static class TargetUi
{
    public static string Figure(TargetMetric metric, decimal value) => metric switch
    {
        _ when TargetMetrics.IsMoney(metric) => Kam.Core.Common.Money.Format(value),
        TargetMetric.ATierCoverage => value.ToString("0.#", CultureInfo.InvariantCulture) + "%",
        _ => value.ToString("#,##0.##", CultureInfo.InvariantCulture),
    };

    /// <summary>The short form for tiles and chart labels (¥1,093.6万).</summary>
    public static string Short(TargetMetric metric, decimal value) =>
        TargetMetrics.IsMoney(metric) ? Kam.Core.Common.Money.Short(value) : Figure(metric, value);

    public static string Percent(decimal? percent) => percent is { } p ? p.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>Behind when done is under 80% of the time gone by (the reminder's rule too).</summary>
    public static bool Behind(ProgressFigure figure, decimal timePercent) =>
        figure.Levels.Target > 0 && timePercent > 0 && (figure.Percent ?? 0) < timePercent * 0.8m;

    public static string Tone(ProgressFigure figure, decimal timePercent) =>
        figure.Levels.Target <= 0 ? "kam-tgt-none"
        : figure.Actual >= figure.Levels.Challenge && figure.Levels.Challenge > 0 ? "kam-tgt-challenge"
        : figure.Actual >= figure.Levels.Target ? "kam-tgt-done"
        : Behind(figure, timePercent) ? "kam-tgt-behind" : "kam-tgt-ontrack";

    /// <summary>The records behind one person's figure (业绩明细): the list page of the metric's records, filtered to
    /// those credited to the person in the period; for the A-tier coverage, the person's A accounts.</summary>
    public static string DrillHref(TargetMetric metric, Guid person, string period)
    {
        var credit = $"credited={person}&creditPeriod={Uri.EscapeDataString(period)}";
        return metric switch
        {
            TargetMetric.Signed => "/contracts?" + credit,
            TargetMetric.Ordered => "/orders?" + credit,
            TargetMetric.Collected => "/payments?" + credit,
            TargetMetric.Visits => "/visits?" + credit,
            TargetMetric.NewAccounts => "/accounts?" + credit,
            TargetMetric.NewOpportunityAmount => "/opportunities?" + credit,
            _ => $"/accounts?owner={person}&tier=A",
        };
    }

    public static string Fmt(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
