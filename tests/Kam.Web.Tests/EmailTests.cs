using System.Text;
using Kam.Core.Notifications;
using Kam.Core.Users;
using Kam.Infrastructure.Mail;
using Kam.Web.Jobs;
using Kam.Web.Resources;
using Kam.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Kam.Web.Tests;

/// <summary>E-mail delivery through a real SMTP conversation with a fake server listening on a local port.</summary>
[Collection(ApiCollection.Name)]
public sealed class EmailTests(KamFactory app)
{
    [Fact]
    public async Task New_notifications_are_emailed_once_in_the_recipients_language_even_by_two_servers()
    {
        await using var smtp = new FakeSmtpServer();
        var clock = new FakeTimeProvider(new DateTimeOffset(2032, 6, 1, 1, 0, 0, TimeSpan.Zero));
        var zh = await NewPerson("mailzh", "zh-mail@kam.example.cn", null);
        var en = await NewPerson("mailen", "en-mail@kam.example.cn", "en-US");
        var none = await NewPerson("nomail", null, null);
        var stale = await Notify(zh, "task_due:stale", clock.GetUtcNow().AddDays(-2));
        var toZh = await Notify(zh, "task_due:zh", clock.GetUtcNow());
        var toEn = await Notify(en, "task_due:en", clock.GetUtcNow());
        var toNone = await Notify(none, "task_due:none", clock.GetUtcNow());

        await using (var one = new SystemScope(app))
        await using (var two = new SystemScope(app))
        {
            var sent = await Task.WhenAll(Sender(one, clock, smtp.Port).SendAsync(), Sender(two, clock, smtp.Port).SendAsync());
            Assert.Equal(2, sent.Sum());
        }
        await using (var again = new SystemScope(app))
            Assert.Equal(0, await Sender(again, clock, smtp.Port).SendAsync());

        Assert.Equal(2, smtp.Messages.Count);
        var chinese = Parse(smtp.Messages.Single(m => m.To.Single() == "zh-mail@kam.example.cn"));
        Assert.Contains("事项「交方案」明天（2032-06-02）到期", chinese.Subject);
        Assert.Contains("事项「交方案」明天（2032-06-02）到期", chinese.TextBody);
        var english = Parse(smtp.Messages.Single(m => m.To.Single() == "en-mail@kam.example.cn"));
        Assert.Contains("交方案 is due tomorrow (2032-06-02)", english.Subject);
        Assert.Equal("kam@kam.example.cn", english.From.Mailboxes.Single().Address);

        await using var check = new SystemScope(app);
        var emailed = await check.Db.Unscoped<Notification>().Where(n => new[] { stale, toZh, toEn, toNone }.Contains(n.Id))
            .ToDictionaryAsync(n => n.Id, n => n.EmailedAt);
        Assert.NotNull(emailed[toZh]);
        Assert.NotNull(emailed[toEn]);
        Assert.Null(emailed[toNone]);
        Assert.Null(emailed[stale]);
    }

    [Fact]
    public async Task A_notification_whose_email_failed_is_sent_on_a_later_run()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2032, 7, 1, 1, 0, 0, TimeSpan.Zero));
        var person = await NewPerson("retry", "retry@kam.example.cn", null);
        var id = await Notify(person, "task_due:retry", clock.GetUtcNow());
        int closedPort;
        await using (var gone = new FakeSmtpServer())
            closedPort = gone.Port;

        await using (var s = new SystemScope(app))
            Assert.Equal(0, await Sender(s, clock, closedPort).SendAsync());
        await using (var s = new SystemScope(app))
            Assert.Null(await s.Db.Unscoped<Notification>().Where(n => n.Id == id).Select(n => n.EmailedAt).SingleAsync());

        await using var smtp = new FakeSmtpServer();
        clock.Advance(TimeSpan.FromMinutes(1));
        await using (var s = new SystemScope(app))
            Assert.Equal(1, await Sender(s, clock, smtp.Port).SendAsync());
        Assert.Equal("retry@kam.example.cn", smtp.Messages.Single().To.Single());
    }

    [Fact]
    public async Task E_mail_is_off_unless_an_smtp_host_is_configured()
    {
        await using var s = new SystemScope(app);
        Assert.False(s.Services.GetRequiredService<INotificationMailer>().Enabled);
        Assert.Equal(0, await s.Services.GetRequiredService<EmailNotifications>().SendAsync());
    }

    private static EmailNotifications Sender(SystemScope s, TimeProvider clock, int port)
    {
        var smtp = new SmtpMailer(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, From = "Kam <kam@kam.example.cn>" }));
        var mailer = new NotificationEmailSender(smtp, s.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
        return new EmailNotifications(s.Db, clock, mailer, NullLogger<EmailNotifications>.Instance);
    }

    private static MimeMessage Parse(FakeSmtpServer.Received message) =>
        MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(message.Data)));

    private async Task<Guid> NewPerson(string prefix, string? email, string? culture)
    {
        // Other tests' reminders, dated by their own fake clocks, may wait for e-mail too: counted as sent, so each test
        // sees only the messages it made.
        await using (var others = new SystemScope(app))
            await others.Db.Unscoped<Notification>().Where(n => n.EmailedAt == null).ExecuteUpdateAsync(u => u.SetProperty(n => n.EmailedAt, DateTimeOffset.UnixEpoch));
        var name = await Users.Create(app, prefix);
        await using var s = new SystemScope(app);
        var users = s.Db.Unscoped<User>().Where(u => u.UserName == name);
        await users.ExecuteUpdateAsync(u => u.SetProperty(x => x.Email, email).SetProperty(x => x.Culture, culture));
        return await users.Select(u => u.Id).SingleAsync();
    }

    private async Task<Guid> Notify(Guid userId, string key, DateTimeOffset at)
    {
        await using var s = new SystemScope(app);
        var dueOn = DateOnly.FromDateTime(at.UtcDateTime).AddDays(1);
        await s.Notifier(new FakeTimeProvider(at)).SendAsync([new NotificationMessage(userId, NotificationKinds.TaskDue, key, "交方案", dueOn, "/tasks")]);
        return await s.Db.Unscoped<Notification>().Where(n => n.UserId == userId && n.Key == key).Select(n => n.Id).SingleAsync();
    }
}
