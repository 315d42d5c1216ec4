namespace Kam.Infrastructure.Mail;

/// <summary>
/// <c>Kam:Smtp</c>: e-mail delivery of notifications, off while <see cref="Host"/> is empty (the default).
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender address ("kam@example.com" or "Kam &lt;kam@example.com&gt;").</summary>
    public string? From { get; set; }

    /// <summary>Signs in only when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>true: TLS from the first byte on port 465, STARTTLS on others; false: plain (a relay inside the network).</summary>
    public bool EnableSsl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
