using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Handovers;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Visits;

/// <summary>Open visit plans move with a handed-over book: the receiver makes (or cancels) those visits.</summary>
public sealed class VisitPlansPart(IKamDb db) : IHandoverPart
{
    public string Kind => "handover.visit_plans";

    public int Order => 2;

    private IQueryable<Visit> Open(Guid userId) => db.Unscoped<Visit>().Where(v => v.UserId == userId && v.Status == VisitStatus.Planned);

    public Task<int> CountAsync(Guid userId, CancellationToken ct) => Open(userId).CountAsync(ct);

    public async Task<IReadOnlyList<string>> ListAsync(Guid fromUserId, int max, CancellationToken ct) =>
        (await (from v in Open(fromUserId)
                join a in db.Unscoped<Account>() on v.AccountId equals a.Id
                orderby v.Date
                select new { v.Date, a.Name }).Take(max).ToListAsync(ct))
        .Select(r => $"{r.Date:yyyy-MM-dd} {r.Name}").ToList();

    public async Task<int> MoveAsync(Guid fromUserId, Guid toUserId, CancellationToken ct)
    {
        var plans = await Open(fromUserId).ToListAsync(ct);
        foreach (var plan in plans)
            plan.UserId = toUserId;
        return plans.Count;
    }
}
