using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Kam.Core.Accounts;
using Kam.Core.Attachments;
using Kam.Infrastructure.Data;
using Kam.Web.Setup;
using Kam.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

/// <summary>
/// A backup taken while people keep writing holds every record acknowledged before it began and every stored file;
/// restored into a fresh installation (a new SQLite file, or a new PostgreSQL database), they are all there.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class BackupTests(KamFactory app)
{
    [Fact]
    public async Task A_backup_during_writes_restores_into_a_fresh_installation_with_every_acknowledged_record_and_file()
    {
        using var head = await app.As("head");
        var scan = "%PDF-1.4 备份测试"u8.ToArray();
        var account = Guid.Parse((string)(await Accounts.Create(head))["id"]!);
        var upload = await head.PostAsync($"/api/accounts/{account}/attachments", Uploads.File("备份.pdf", scan, "application/pdf"));
        var attachment = Guid.Parse((string)(await upload.Ok<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created))["id"]!);

        // Writers keep creating accounts before, during and after the backup; each acknowledged one is noted.
        var acknowledged = new ConcurrentBag<(Guid Id, DateTimeOffset At)>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await head.PostAsJsonAsync("/api/accounts", Accounts.Body());
                if (response.StatusCode == HttpStatusCode.Created)
                    acknowledged.Add((Guid.Parse((string)(await response.ReadJson())["id"]!), DateTimeOffset.UtcNow));
            }
        })).ToArray();
        while (acknowledged.Count < 10)
            await Task.Delay(20);

        var archive = Path.Combine(Path.GetTempPath(), "kam-tests", $"backup-{Guid.NewGuid():N}.zip");
        var began = DateTimeOffset.UtcNow;
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Backups>().BackupAsync(archive);
        await Task.Delay(200);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var before = acknowledged.Where(a => a.At < began).Select(a => a.Id).Append(account).ToList();
        Assert.True(before.Count >= 10);

        // A fresh installation: an empty database of the same provider and an empty data folder, migrated as 'restore' does.
        await using var target = await TestDatabase.CreateAsync();
        var settings = new DatabaseSettings(Enum.Parse<DatabaseProvider>(target.Provider), target.ConnectionString, target.DataDir);
        await using (var db = Context(settings))
        {
            await db.Database.MigrateAsync();
            var backups = new Backups(db, settings);
            Assert.False(await backups.HoldsDataAsync());
            await backups.RestoreAsync(archive, overwrite: false);
        }

        await using (var restored = Context(settings))
        {
            var found = await restored.Set<Account>().Where(a => before.Contains(a.Id)).Select(a => a.Id).ToListAsync();
            Assert.Equal(before.Order(), found.Order());
            var stored = await restored.Set<Attachment>().SingleAsync(a => a.Id == attachment);
            Assert.Equal(scan, await File.ReadAllBytesAsync(Path.Combine(target.DataDir, "files", stored.StoredName)));
            // A second restore over data is refused unless told.
            var again = new Backups(restored, settings);
            await Assert.ThrowsAsync<InvalidOperationException>(() => again.RestoreAsync(archive, overwrite: false));
        }
        File.Delete(archive);
    }

    private static KamDbContext Context(DatabaseSettings settings)
    {
        var options = new DbContextOptionsBuilder<KamDbContext>();
        settings.Apply(options);
        var system = new CurrentUser(new HttpContextAccessor());
        system.ActAsSystem();
        return new KamDbContext(options.Options, system, TimeProvider.System);
    }
}
