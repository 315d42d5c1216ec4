using Kam.Core.Common;
using Kam.Core.Handovers;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Contracts;

/// <summary>Contracts in progress (not expired or terminated) that a person owns move with their book.</summary>
public sealed class ContractHandoverPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.contracts";

    public int Order => 4;

    private IQueryable<Contract> InProgress(Guid userId) =>
        db.Unscoped<Contract>().Where(c => c.OwnerId == userId && c.Status != ContractStatus.Expired && c.Status != ContractStatus.Terminated);

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => InProgress(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        await InProgress(fromUserId).OrderBy(c => c.Number).Select(c => c.Number + " " + c.Title).Take(max).ToListAsync(ct);

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var contracts = await InProgress(fromUserId).ToListAsync(ct);
        foreach (var contract in contracts)
            contract.OwnerId = toUserId;
        return contracts.Count;
    }
}
