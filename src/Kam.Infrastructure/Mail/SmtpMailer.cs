using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kam.Infrastructure.Mail;

/// <summary>Sends one plain-text e-mail through the configured SMTP server (a connection per message: a few a minute).</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public async Task SendAsync(string toAddress, string? toName, string subject, string body, CancellationToken ct = default)
    {
        var o = options.Value;
        var host = o.Enabled ? o.Host! : throw new InvalidOperationException("Kam:Smtp:Host is not set.");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(string.IsNullOrWhiteSpace(o.From) ? $"kam@{host}" : o.From));
        message.To.Add(new MailboxAddress(toName ?? "", toAddress));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient();
        var security = !o.EnableSsl ? SecureSocketOptions.None : o.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(host, o.Port, security, ct);
        if (!string.IsNullOrEmpty(o.UserName))
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
