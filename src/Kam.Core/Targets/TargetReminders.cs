using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;

namespace Kam.Core.Targets;

/// <summary>
/// The month's target reminders (关注指标的达成), each sent once per occasion: from the 16th, an account manager whose
/// completion is under 80% of the time gone by in a metric is told, and the head gets one line per metric with how
/// many are behind; reaching a target and a challenge is announced to the person and to the head.
/// </summary>
public sealed class TargetReminders(IKamDb db, GetTargetProgress progress, TimeProvider clock)
{
    /// <summary>From this day of the month a person behind schedule is reminded (earlier, a slow start is no signal).</summary>
    public const int BehindFromDay = 16;

    public async Task<List<NotificationMessage>> MessagesAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var month = Period.MonthOf(today);
        var result = await progress.Handle(month.ToString(), null, ct);
        if (!result.IsSuccess)
            return [];
        var report = result.Value;
        var heads = await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct);
        var link = $"/targets?period={month}";
        var messages = new List<NotificationMessage>();
        foreach (var metric in report.Metrics.Where(m => TargetMetrics.IsSummed(m.Metric)))
        {
            var behind = 0;
            foreach (var line in metric.People.Where(p => p.Figure.Levels.Target > 0))
            {
                var f = line.Figure;
                var subject = TargetNotice.Subject(metric.Metric, line.Person.DisplayName);
                var (kind, key) = f.Levels.Challenge > 0 && f.Actual >= f.Levels.Challenge ? (NotificationKinds.TargetChallenge, "target_challenge")
                    : f.Actual >= f.Levels.Target ? (NotificationKinds.TargetReached, "target_reached")
                    : (null, null);
                if (kind is not null)
                {
                    var occasion = $"{key}:{metric.Metric}:{month}:{line.Person.Id}";
                    messages.AddRange(heads.Append(line.Person.Id).Distinct().Select(id => new NotificationMessage(id, kind, occasion, subject, report.End, link)));
                }
                else if (today.Day >= BehindFromDay && (f.Percent ?? 0) < report.TimePercent * 0.8m)
                {
                    behind++;
                    messages.Add(new NotificationMessage(line.Person.Id, NotificationKinds.TargetBehind, $"target_behind:{metric.Metric}:{month}", subject, report.End, link));
                }
            }
            if (behind > 0)
            {
                var subject = TargetNotice.Subject(metric.Metric, behind.ToString(System.Globalization.CultureInfo.InvariantCulture));
                messages.AddRange(heads.Select(id => new NotificationMessage(id, NotificationKinds.TargetBehindTeam, $"target_behind_team:{metric.Metric}:{month}", subject, report.End, link)));
            }
        }
        return messages;
    }
}

/// <summary>
/// The subject of a target notification: the metric and a name (or a count), so that the text is written in the
/// reader's language when shown: {0} = the name, {1} = the period's last day, {2} = the metric's name.
/// </summary>
public static class TargetNotice
{
    public static string Subject(TargetMetric metric, string name) => $"{metric}|{name}";

    public static (TargetMetric Metric, string Name)? Parse(string? subject)
    {
        var bar = subject?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && Enum.TryParse<TargetMetric>(subject![..bar], out var metric) ? (metric, subject[(bar + 1)..]) : null;
    }
}
