using Kam.Core.Notifications;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Jobs;

/// <summary>
/// A notification's text in the current UI language: its kind is a resource key formatted with {0} = subject and
/// {1} = due date (yyyy-MM-dd); the digest adds its four counts as {2}..{5}. An unknown kind shows as its key.
/// </summary>
public static class NotificationTexts
{
    public static string Text(IStringLocalizer L, string kind, string? subject, DateOnly? dueOn)
    {
        var due = dueOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (kind == NotificationKinds.Digest && DigestCounts.Parse(subject) is { } c)
            return L[kind, "", due, c.Unread, c.PlannedVisits, c.OverdueVisits, c.OpenItemsDue];
        if (kind.StartsWith("notify.target_", StringComparison.Ordinal) && Kam.Core.Targets.TargetNotice.Parse(subject) is { } t)
            return L[kind, t.Name, due, L[$"targetmetric.{t.Metric}"].Value];
        return L[kind, subject ?? "", due];
    }

    public static string Text(IStringLocalizer L, NotificationRow n) => Text(L, n.Kind, n.Subject, n.DueOn);
}
