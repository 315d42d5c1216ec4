using System.Globalization;
using Kam.Core.Notifications;
using Kam.Infrastructure.Mail;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Jobs;

/// <summary>Writes a notification's e-mail in its recipient's language and sends it over SMTP.</summary>
public sealed class NotificationEmailSender(SmtpMailer smtp, IStringLocalizer<SharedResource> L) : INotificationMailer
{
    public bool Enabled => smtp.Enabled;

    public async Task SendAsync(NotificationMail mail, CancellationToken ct)
    {
        string subject, body;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(mail.Culture is { Length: > 0 } c ? c : "zh-CN");
            var text = NotificationTexts.Text(L, mail.Kind, mail.Subject, mail.DueOn);
            subject = $"{L["app.name"]} · {text}";
            body = $"{mail.DisplayName}：\n\n{text}\n\n— {L["app.name"]}\n";
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        await smtp.SendAsync(mail.Email, mail.DisplayName, subject, body, ct);
    }
}
