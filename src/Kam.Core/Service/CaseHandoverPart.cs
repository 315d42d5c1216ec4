using Kam.Core.Common;
using Kam.Core.Handovers;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>A leaver's open cases go to the receiver, each with its handover on the case's history; closed ones stay.</summary>
public sealed class CaseHandoverPart(IKamDb db, ICurrentUser me, TimeProvider clock) : IHandoverPart
{
    public string Kind => "handover.cases";

    public int Order => 4;

    private IQueryable<ServiceCase> Open(Guid userId) => db.Unscoped<ServiceCase>().Where(c => c.HandlerId == userId && c.Status != CaseStatus.Closed);

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => Open(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        await Open(fromUserId).OrderBy(c => c.ReceivedAt).Select(c => c.Number + " " + c.Title).Take(max).ToListAsync(ct);

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var cases = await Open(fromUserId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var c in cases)
        {
            c.HandlerId = toUserId;
            db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.HandedOver, At = now, ById = me.Id, FromUserId = fromUserId, ToUserId = toUserId });
        }
        return cases.Count;
    }
}
