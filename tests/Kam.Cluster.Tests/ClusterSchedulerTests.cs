using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kam.Cluster.Tests.Infrastructure;
using MimeKit;
using Npgsql;

namespace Kam.Cluster.Tests;

/// <summary>
/// Reminders, the morning digest and e-mail on two servers: both run a scheduler (clustered on PostgreSQL), the jobs
/// fire every three seconds in the lane, and over a window every fire time runs on one server only; a reminder is
/// one notification and one e-mail.
/// </summary>
public sealed partial class ClusterSchedulerTests(ClusterFixture cluster) : ClusterTest(cluster)
{
    [Fact]
    public async Task Every_job_fires_once_per_fire_time_across_both_servers_and_a_reminder_is_one_notification_and_one_email()
    {
        // A task due tomorrow: the next reminders run tells its owner (task_due), the next e-mail run mails them.
        var title = "cluster-reminder-" + Guid.NewGuid().ToString("N")[..8];
        using var head = await Cluster.SignedInAsync(Cluster.First.BaseUrl, "head");
        using var am1 = await Cluster.SignedInAsync(Cluster.Second.BaseUrl, "am1");
        var am1Id = (string)JsonNode.Parse(await am1.GetStringAsync("/api/me"))!["id"]!;
        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime).AddDays(1);
        var created = await head.PostAsJsonAsync("/api/tasks", new { title, ownerId = am1Id, dueOn = tomorrow.ToString("yyyy-MM-dd") });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var windowStart = DateTimeOffset.UtcNow;

        // Wait until it is mailed, then let every job run several more times.
        var until = DateTime.UtcNow.AddSeconds(60);
        while (MailsAbout(title) == 0 && DateTime.UtcNow < until)
            await Task.Delay(500);
        Assert.True(MailsAbout(title) > 0, "no e-mail about the task within 60 s:\n" + Cluster.First.Tail() + "\n" + Cluster.Second.Tail());
        await Task.Delay(TimeSpan.FromSeconds(12));

        // Two notifications name the task (assigned by the head; due tomorrow, from the reminders): one each, mailed once each.
        var notifications = JsonNode.Parse(await am1.GetStringAsync("/api/notifications?pageSize=200"))!["items"]!.AsArray()
            .Where(n => (string?)n!["subject"] == title).Select(n => (string)n!["kind"]!).Order().ToList();
        Assert.Equal(["notify.task_assigned", "notify.task_due"], notifications);
        Assert.Equal(2, MailsAbout(title));

        // Every fire time of every job ran on one server, and the window held many of them.
        var runs = Cluster.Servers.SelectMany(s => s.Lines.Select(l => RunLine().Match(l)).Where(m => m.Success)
                .Select(m => (Job: m.Groups["job"].Value, At: DateTimeOffset.Parse(m.Groups["at"].Value, System.Globalization.CultureInfo.InvariantCulture), Server: s.Name)))
            .Where(r => r.At >= windowStart.AddSeconds(-3))
            .ToList();
        var twice = runs.GroupBy(r => (r.Job, r.At)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Job} {g.Key.At:O} on {string.Join(", ", g.Select(r => r.Server))}").ToList();
        Assert.True(twice.Count == 0, "fired more than once: " + string.Join("; ", twice));
        foreach (var job in new[] { "reminders", "digest", "email" })
            Assert.True(runs.Count(r => r.Job == job) >= 4, $"{job} ran {runs.Count(r => r.Job == job)} times in the window");

        // No person has one notification twice, and every notification marked e-mailed reached the SMTP server once.
        await using var db = new NpgsqlConnection(Cluster.ConnectionString);
        await db.OpenAsync();
        await using (var dup = new NpgsqlCommand("""SELECT count(*) FROM (SELECT 1 FROM "Notifications" GROUP BY "UserId", "Key" HAVING count(*) > 1) d""", db))
            Assert.Equal(0L, (long)(await dup.ExecuteScalarAsync())!);
        await using var emailed = new NpgsqlCommand("""SELECT count(*) FROM "Notifications" WHERE "EmailedAt" IS NOT NULL""", db);
        long marked = 0;
        for (var i = 0; i < 20 && (marked = (long)(await emailed.ExecuteScalarAsync())!) != Cluster.Smtp.Messages.Count; i++)
            await Task.Delay(500); // a send in flight: claimed in the database, not yet received
        Assert.Equal(marked, Cluster.Smtp.Messages.Count);
    }

    private int MailsAbout(string title) =>
        Cluster.Smtp.Messages.Count(m => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(m.Data))) is var mail
            && ((mail.Subject ?? "").Contains(title, StringComparison.Ordinal) || (mail.TextBody ?? "").Contains(title, StringComparison.Ordinal)
                || (mail.HtmlBody ?? "").Contains(title, StringComparison.Ordinal)));

    [GeneratedRegex(@"Job (?<job>[\w-]+) runs for (?<at>\S+) on ")]
    private static partial Regex RunLine();
}
