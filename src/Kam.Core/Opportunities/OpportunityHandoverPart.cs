using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Handovers;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>A leaver's open projects go to the receiver with the accounts; won and lost ones stay in the leaver's record.</summary>
public sealed class OpportunityHandoverPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.opportunities";

    public int Order => 4;

    private IQueryable<Opportunity> Open(Guid userId) => db.Unscoped<Opportunity>().Where(o => o.OwnerId == userId && o.Status == OpportunityStatus.Open);

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => Open(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        (await (from o in Open(fromUserId)
                join a in db.Unscoped<Account>() on o.AccountId equals a.Id
                orderby a.Name, o.Name
                select new { o.Name, Account = a.Name }).Take(max).ToListAsync(ct))
        .Select(r => $"{r.Account}：{r.Name}").ToList();

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var opportunities = await Open(fromUserId).ToListAsync(ct);
        foreach (var opportunity in opportunities)
            opportunity.OwnerId = toUserId;
        return opportunities.Count;
    }
}
