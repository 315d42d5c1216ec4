using System.Text;
using Kam.Core.DailyReports;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Components.Pages.DailyReports;

/// <summary>A first draft of the day summary from the handed-in reports, in the writer's language, for them to edit.</summary>
public static class DaySummaryDraft
{
    public static string Compose(IReadOnlyList<DaySummarySource> sources, IStringLocalizer<SharedResource> l)
    {
        if (sources.Count == 0)
            return "";
        var text = new StringBuilder();
        foreach (var s in sources)
        {
            text.Append("【").Append(s.DisplayName).AppendLine("】");
            text.AppendLine(s.Accounts.Count == 0
                ? l["report.draft_no_visits"].Value
                : l["report.draft_visits", s.Accounts.Count, string.Join("、", s.Accounts)].Value);
            Line(text, l["report.other_work"].Value, s.OtherWork);
            Line(text, l["report.problems"].Value, s.Problems);
            Line(text, l["report.tomorrow_plan"].Value, s.TomorrowPlan);
            text.AppendLine();
        }
        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            text.Append(label).Append('：').AppendLine(value.Trim());
    }
}
