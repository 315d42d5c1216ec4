using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kam.Core.Notifications;

/// <summary>A notification to e-mail, with its recipient's address and language.</summary>
public sealed record NotificationMail(Guid Id, string Email, string DisplayName, string? Culture, string Kind, string? Subject, DateOnly? DueOn, string? Link);

/// <summary>Writes and sends one notification's e-mail (in Kam.Web, which knows the texts, over SMTP).</summary>
public interface INotificationMailer
{
    bool Enabled { get; }

    Task SendAsync(NotificationMail mail, CancellationToken ct);
}

/// <summary>
/// E-mails new notifications (created in the last day, not e-mailed yet) to people who have an e-mail address. Each one
/// is claimed first with a conditional UPDATE (EmailedAt still empty): with several servers on one database exactly one
/// claims it, so it is sent once. When sending fails the claim is released and the next run tries again.
/// </summary>
public sealed class EmailNotifications(IKamDb db, TimeProvider clock, INotificationMailer mailer, ILogger<EmailNotifications> log)
{
    public const int BatchSize = 100;

    public async Task<int> SendAsync(CancellationToken ct = default)
    {
        if (!mailer.Enabled)
            return 0;
        var since = clock.GetUtcNow().AddDays(-1);
        var pending = await (from n in db.Unscoped<Notification>()
                             where n.EmailedAt == null && n.CreatedAt >= since
                             join u in db.Unscoped<User>() on n.UserId equals u.Id
                             where u.IsActive && u.Email != null && u.Email != ""
                             orderby n.CreatedAt
                             select new NotificationMail(n.Id, u.Email!, u.DisplayName, u.Culture, n.Kind, n.Subject, n.DueOn, n.Link))
            .Take(BatchSize).ToListAsync(ct);
        var sent = 0;
        foreach (var mail in pending)
        {
            var stamp = clock.GetUtcNow();
            var claimed = await db.Unscoped<Notification>().Where(n => n.Id == mail.Id && n.EmailedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, stamp), ct);
            if (claimed == 0)
                continue; // another server has it
            try
            {
                await mailer.SendAsync(mail, ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "E-mail of notification {Id} failed; it is tried again on the next run", mail.Id);
                await db.Unscoped<Notification>().Where(n => n.Id == mail.Id && n.EmailedAt == stamp)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.EmailedAt, (DateTimeOffset?)null), CancellationToken.None);
                break; // the server is likely down: leave the rest for the next run
            }
        }
        return sent;
    }
}
