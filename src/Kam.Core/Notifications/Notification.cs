using Kam.Core.Common;

namespace Kam.Core.Notifications;

/// <summary>
/// One message to one person in the notification centre. <see cref="Kind"/> is a stable code the UI localises
/// with <see cref="Subject"/> and <see cref="DueOn"/>. <see cref="Key"/> names the occasion ("visit_due:{account}:{date}"):
/// unique per person, so a reminder reaches its person once per occasion however many servers or runs try.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(NotificationScope))]
public class Notification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public string Kind { get; set; } = "";

    public string Key { get; set; } = "";

    public string? Subject { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>Where clicking it leads, an app-relative path ("/accounts/…").</summary>
    public string? Link { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ReadAt { get; set; }

    /// <summary>When it was sent by e-mail (null: not sent, or e-mail is off).</summary>
    public DateTimeOffset? EmailedAt { get; set; }
}
