using System.Text.Json;
using Kam.Core.Audit;
using Kam.Core.Common;
using Kam.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>Projects on the account timeline, read from the audit trail: created, moved to another stage, won, lost.</summary>
public sealed class OpportunityTimelineSource(IKamDb db, OpportunityRules rules) : ITimelineSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct)
    {
        var entries = await db.Unscoped<AuditEntry>().AsNoTracking()
            .Where(e => e.AccountId == accountId && e.EntityType == nameof(Opportunity) && (e.Action == AuditAction.Insert || e.Action == AuditAction.Update))
            .OrderByDescending(e => e.At).Take(max * 2).ToListAsync(ct);
        if (entries.Count == 0)
            return [];
        var ids = entries.Select(e => Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty).Distinct().ToList();
        var names = await db.Unscoped<Opportunity>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id.ToString(), o => o.Name, ct);
        var stages = await rules.StagesAsync(ct);
        string StageName(string? key) => stages.FirstOrDefault(s => s.Key == key)?.Name ?? key ?? "";

        var events = new List<TimelineEvent>();
        foreach (var e in entries)
        {
            var changes = JsonSerializer.Deserialize<List<AuditChange>>(e.Changes, Json) ?? [];
            var name = names.GetValueOrDefault(e.EntityId, "");
            var status = changes.FirstOrDefault(c => c.Field == nameof(Opportunity.Status));
            var stage = changes.FirstOrDefault(c => c.Field == nameof(Opportunity.Stage));
            var reason = changes.FirstOrDefault(c => c.Field == nameof(Opportunity.LostReason))?.New;
            TimelineEvent? ev = e.Action switch
            {
                AuditAction.Insert => new TimelineEvent(e.At, e.UserName, "timeline.opportunity_created", name),
                _ when status?.New == nameof(OpportunityStatus.Won) => new TimelineEvent(e.At, e.UserName, "timeline.opportunity_won", name),
                _ when status?.New == nameof(OpportunityStatus.Lost) => new TimelineEvent(e.At, e.UserName, "timeline.opportunity_lost", reason is null ? name : $"{name}（{reason}）"),
                _ when stage is not null => new TimelineEvent(e.At, e.UserName, "timeline.opportunity_stage", $"{name}：{StageName(stage.Old)} → {StageName(stage.New)}"),
                _ => null,
            };
            if (ev is not null)
                events.Add(ev);
        }
        return events;
    }
}
