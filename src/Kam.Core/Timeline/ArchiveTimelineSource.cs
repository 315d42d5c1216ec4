using System.Text.Json;
using Kam.Core.Audit;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Timeline;

/// <summary>
/// The archive's own events, read from the audit trail: the account opened, archived or restored, its owner changed
/// (handover), contacts added or removed, documents added.
/// </summary>
public sealed class ArchiveTimelineSource(IKamDb db) : ITimelineSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct)
    {
        var entries = await db.Unscoped<AuditEntry>().AsNoTracking()
            .Where(e => e.AccountId == accountId && (e.EntityType == "Account" || e.EntityType == "Contact" || e.EntityType == "Attachment"))
            .OrderByDescending(e => e.At).Take(max * 3).ToListAsync(ct);
        var events = new List<TimelineEvent>();
        foreach (var e in entries)
        {
            var changes = JsonSerializer.Deserialize<List<AuditChange>>(e.Changes, Json) ?? [];
            string? Value(string field) => changes.FirstOrDefault(c => c.Field == field) is { } c ? c.New ?? c.Old : null;
            var kind = (e.EntityType, e.Action) switch
            {
                ("Account", AuditAction.Insert) => "timeline.account_created",
                ("Account", AuditAction.Archive) => "timeline.account_archived",
                ("Account", AuditAction.Restore) => "timeline.account_restored",
                ("Account", AuditAction.Update) when changes.Any(c => c.Field == "OwnerId") => "timeline.owner_changed",
                ("Account", AuditAction.Update) when changes.Any(c => c.Field == "Tier") => "timeline.tier_changed",
                ("Contact", AuditAction.Insert) => "timeline.contact_added",
                ("Contact", AuditAction.Archive) => "timeline.contact_removed",
                ("Attachment", AuditAction.Insert) => "timeline.document_added",
                _ => null,
            };
            if (kind is null)
                continue;
            var subject = e.EntityType switch
            {
                "Contact" => Value("Name"),
                "Attachment" => Value("FileName"),
                _ when kind == "timeline.tier_changed" => Value("Tier"),
                _ => null,
            };
            events.Add(new TimelineEvent(e.At, e.UserName, kind, subject));
        }
        return events;
    }
}
