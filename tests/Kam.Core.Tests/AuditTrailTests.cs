using System.Text.Json;
using Kam.Core.Audit;
using Kam.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Tests;

public sealed class AuditTrailTests : IDisposable
{
    private readonly ProbeDb _db = new();

    [Fact]
    public async Task A_new_record_is_stamped_and_its_insert_audited_in_the_same_save()
    {
        await using var db = _db.Open();
        var probe = new Probe { Name = "远大集团", Amount = 1234.56m };
        db.Probes.Add(probe);
        await db.SaveChangesAsync();

        Assert.Equal(_db.Clock.GetUtcNow(), probe.CreatedAt);
        Assert.Equal(_db.User.Id, probe.CreatedById);
        var entry = await db.Unscoped<AuditEntry>().SingleAsync(e => e.EntityId == probe.Id.ToString());
        Assert.Equal(AuditAction.Insert, entry.Action);
        Assert.Equal("head", entry.UserName);
        var changes = JsonSerializer.Deserialize<List<AuditChange>>(entry.Changes, JsonSerializerOptions.Web)!;
        Assert.Contains(changes, c => c is { Field: "Name", Old: null, New: "远大集团" });
        Assert.Contains(changes, c => c is { Field: "Amount", New: "1234.56" });
    }

    [Fact]
    public async Task An_update_records_each_changed_field_old_and_new_and_renews_the_version()
    {
        var id = await Seed("旧名称");
        await using var db = _db.Open();
        var probe = await db.Probes.SingleAsync(p => p.Id == id);
        var version = probe.Version;
        _db.Clock.Advance(TimeSpan.FromMinutes(5));
        probe.Name = "新名称";
        await db.SaveChangesAsync();

        Assert.NotEqual(version, probe.Version);
        var update = await db.Unscoped<AuditEntry>().SingleAsync(e => e.EntityId == id.ToString() && e.Action == AuditAction.Update);
        var change = Assert.Single(JsonSerializer.Deserialize<List<AuditChange>>(update.Changes, JsonSerializerOptions.Web)!);
        Assert.Equal(new AuditChange("Name", "旧名称", "新名称"), change);
        Assert.Equal(_db.Clock.GetUtcNow(), update.At);
    }

    [Fact]
    public async Task Saving_a_stale_version_is_refused()
    {
        var id = await Seed("甲");
        Guid staleVersion;
        await using (var first = _db.Open())
        {
            var probe = await first.Probes.SingleAsync(p => p.Id == id);
            staleVersion = probe.Version;
            probe.Name = "乙";
            await first.SaveChangesAsync();
        }
        await using var second = _db.Open();
        var again = await second.Probes.SingleAsync(p => p.Id == id);
        second.Entry(again).Property(p => p.Version).OriginalValue = staleVersion;
        again.Name = "丙";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _db.Open();
        Assert.Equal("乙", (await check.Probes.SingleAsync(p => p.Id == id)).Name);
    }

    [Fact]
    public async Task Archive_and_restore_are_named_as_such_in_the_trail()
    {
        var id = await Seed("归档测试");
        await using var db = _db.Open();
        var probe = await db.Probes.SingleAsync(p => p.Id == id);
        probe.ArchivedAt = _db.Clock.GetUtcNow();
        await db.SaveChangesAsync();
        probe.ArchivedAt = null;
        await db.SaveChangesAsync();

        var actions = await db.Unscoped<AuditEntry>().Where(e => e.EntityId == id.ToString()).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync();
        Assert.Equal([AuditAction.Insert, AuditAction.Archive, AuditAction.Restore], actions);
    }

    [Fact]
    public async Task Touching_a_record_without_changing_it_writes_no_audit_entry()
    {
        var id = await Seed("不变");
        await using var db = _db.Open();
        var probe = await db.Probes.SingleAsync(p => p.Id == id);
        probe.Name = "不变";
        db.Entry(probe).State = EntityState.Modified;
        await db.SaveChangesAsync();
        Assert.Equal(1, await db.Unscoped<AuditEntry>().CountAsync(e => e.EntityId == id.ToString()));
    }

    [Fact]
    public async Task Money_sums_and_sorts_exactly_on_sqlite()
    {
        await using var db = _db.Open();
        db.Probes.AddRange(new Probe { Name = "a", Amount = 0.1m }, new Probe { Name = "b", Amount = 0.2m }, new Probe { Name = "c", Amount = 10.05m });
        await db.SaveChangesAsync();
        Assert.Equal(10.35m, await db.Probes.SumAsync(p => p.Amount));
        Assert.Equal(["c", "b", "a"], await db.Probes.OrderByDescending(p => p.Amount).Select(p => p.Name).ToListAsync());
    }

    [Fact]
    public async Task Time_ranges_filter_and_sort_on_sqlite()
    {
        await Seed("早");
        _db.Clock.Advance(TimeSpan.FromDays(1));
        await Seed("晚");
        await using var db = _db.Open();
        var cutoff = _db.Clock.GetUtcNow().AddHours(-1);
        Assert.Equal(["晚"], await db.Probes.Where(p => p.CreatedAt > cutoff).Select(p => p.Name).ToListAsync());
        Assert.Equal("晚", await db.Probes.OrderByDescending(p => p.CreatedAt).Select(p => p.Name).FirstAsync());
    }

    private async Task<Guid> Seed(string name)
    {
        await using var db = _db.Open();
        var probe = new Probe { Name = name };
        db.Probes.Add(probe);
        await db.SaveChangesAsync();
        return probe.Id;
    }

    public void Dispose() => _db.Dispose();
}
