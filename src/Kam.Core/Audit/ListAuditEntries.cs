using System.Text.Json;
using Kam.Core.Common;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Audit;

public sealed record AuditQuery(string? EntityType = null, string? EntityId = null, string? UserName = null,
    DateTimeOffset? From = null, DateTimeOffset? To = null, int Page = 1, int PageSize = 50);

public sealed record AuditRow(Guid Id, DateTimeOffset At, string? UserName, string EntityType, string EntityId,
    AuditAction Action, IReadOnlyList<AuditChange> Changes);

/// <summary>
/// The audit trail, newest first: all of it for the head and the executive; for the administrator, who has no business
/// role, only the system's own records (users, settings, sequences), never the values of business records.
/// </summary>
public sealed class ListAuditEntries(IKamDb db, ICurrentUser me)
{
    /// <summary>What the administrator's trail shows: people, their roles and the settings (by the name the trail stores).</summary>
    public static IReadOnlyList<string> SystemTypes { get; } = ["Role", "Setting", "User"];

    private IQueryable<AuditEntry> Visible()
    {
        var entries = db.Unscoped<AuditEntry>().AsNoTracking();
        if (me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Executive))
            return entries;
        var system = SystemTypes.ToList();
        return entries.Where(e => system.Contains(e.EntityType));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PagedResult<AuditRow>> Handle(AuditQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page, q.PageSize);
        var entries = Visible();
        if (!string.IsNullOrWhiteSpace(q.EntityType))
            entries = entries.Where(e => e.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId))
            entries = entries.Where(e => e.EntityId == q.EntityId);
        if (!string.IsNullOrWhiteSpace(q.UserName))
            entries = entries.Where(e => e.UserName == q.UserName);
        if (q.From is { } from)
            entries = entries.Where(e => e.At >= from);
        if (q.To is { } to)
            entries = entries.Where(e => e.At < to);
        var total = await entries.CountAsync(ct);
        var items = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .PageOf(paging)
            .ToListAsync(ct);
        return new PagedResult<AuditRow>(items.Select(e => new AuditRow(e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.Action,
            JsonSerializer.Deserialize<List<AuditChange>>(e.Changes, Json) ?? [])).ToList(), total);
    }

    public async Task<IReadOnlyList<string>> EntityTypes(CancellationToken ct = default) =>
        await Visible().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
}
