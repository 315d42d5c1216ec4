using System.Text.Json;
using Kam.Core.Audit;
using Kam.Core.Common;
using Kam.Core.Timeline;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>Contracts on the account timeline, read from their audit trail: drafted, submitted, approved or rejected,
/// signed, terminated (each with the contract's number and title).</summary>
public sealed class ContractTimelineSource(IKamDb db) : ITimelineSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<TimelineEvent>> EventsAsync(Guid accountId, int max, CancellationToken ct)
    {
        var entries = await db.Unscoped<AuditEntry>().AsNoTracking()
            .Where(e => e.AccountId == accountId && e.EntityType == nameof(Contract) && (e.Action == AuditAction.Insert || e.Action == AuditAction.Update))
            .OrderByDescending(e => e.At).Take(max * 3).ToListAsync(ct);
        var found = new List<(AuditEntry Entry, string Kind)>();
        foreach (var e in entries)
        {
            var changes = JsonSerializer.Deserialize<List<AuditChange>>(e.Changes, Json) ?? [];
            var status = changes.FirstOrDefault(c => c.Field == nameof(Contract.Status));
            var kind = e.Action == AuditAction.Insert ? "timeline.contract_created" : (status?.Old, status?.New) switch
            {
                (_, nameof(ContractStatus.UnderReview)) => "timeline.contract_submitted",
                (nameof(ContractStatus.UnderReview), nameof(ContractStatus.Approved)) => "timeline.contract_approved",
                (nameof(ContractStatus.UnderReview), nameof(ContractStatus.Rejected)) => "timeline.contract_rejected",
                (nameof(ContractStatus.Approved), nameof(ContractStatus.Signed) or nameof(ContractStatus.InForce) or nameof(ContractStatus.Expired)) => "timeline.contract_signed",
                (_, nameof(ContractStatus.Terminated)) => "timeline.contract_terminated",
                _ => null,
            };
            if (kind is not null)
                found.Add((e, kind));
        }
        var ids = found.Select(f => Guid.TryParse(f.Entry.EntityId, out var id) ? id : Guid.Empty).Distinct().ToList();
        var names = await db.Unscoped<Contract>().AsNoTracking().Where(c => ids.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id.ToString(), c => c.Number + " " + c.Title, ct);
        return found.Take(max).Select(f => new TimelineEvent(f.Entry.At, f.Entry.UserName, f.Kind, names.GetValueOrDefault(f.Entry.EntityId))).ToList();
    }
}
