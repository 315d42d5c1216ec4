using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Opportunities;

/// <summary>
/// The pipeline board: one column per stage with the count and total amount of every project in it, and the first
/// cards in board order. Open stages hold the open projects; the won and lost columns those closed in the last 30 days.
/// </summary>
public sealed class GetPipeline(IKamDb db, OpportunityRules rules, ListOpportunities list, ICurrentUser me)
{
    public const int ClosedDays = 30;
    public const int CardsPerColumn = 100;

    public async Task<PipelineBoard> Handle(Guid? ownerId, CancellationToken ct = default)
    {
        var stages = await rules.StagesAsync(ct);
        var since = rules.Today.AddDays(-ClosedDays);
        var all = db.Read<Opportunity>().AsNoTracking().Where(o => o.ArchivedAt == null);
        // An account manager's board is theirs unless they ask for a colleague's projects on the accounts they share.
        if (ownerId is { } owner)
            all = all.Where(o => o.OwnerId == owner);
        else if (!DataScope.SeesAllAccounts(me) && me.Id is { } self)
            all = all.Where(o => o.OwnerId == self);

        var open = await all.Where(o => o.Status == OpportunityStatus.Open)
            .GroupBy(o => o.Stage).Select(g => new { Stage = g.Key, Count = g.Count(), Amount = g.Sum(o => o.ExpectedAmount) }).ToListAsync(ct);

        var columns = new List<PipelineColumn>();
        foreach (var stage in stages)
        {
            IQueryable<Opportunity> cards;
            int count;
            decimal amount;
            if (stage.Outcome == OpportunityStatus.Open)
            {
                var sum = open.FirstOrDefault(s => s.Stage == stage.Key);
                (count, amount) = (sum?.Count ?? 0, sum?.Amount ?? 0);
                cards = all.Where(o => o.Status == OpportunityStatus.Open && o.Stage == stage.Key).OrderBy(o => o.Rank).ThenBy(o => o.CreatedAt);
            }
            else
            {
                var sum = await Closed(all, stage.Outcome, since).GroupBy(o => o.Status)
                    .Select(g => new { Count = g.Count(), Amount = g.Sum(o => o.ExpectedAmount) }).FirstOrDefaultAsync(ct);
                (count, amount) = (sum?.Count ?? 0, sum?.Amount ?? 0);
                cards = Closed(all, stage.Outcome, since).OrderByDescending(o => o.ClosedOn).ThenByDescending(o => o.UpdatedAt);
            }
            var page = count == 0 ? [] : await cards.Take(CardsPerColumn).ToListAsync(ct);
            columns.Add(new PipelineColumn(stage, count, amount, await list.Views(page, ct)));
        }
        return new PipelineBoard(columns, since);
    }

    /// <summary>Closed since the day; a win's signing date is the day it was won, which lets the (status, date) index find them.</summary>
    private static IQueryable<Opportunity> Closed(IQueryable<Opportunity> all, OpportunityStatus status, DateOnly since) =>
        status == OpportunityStatus.Won
            ? all.Where(o => o.Status == OpportunityStatus.Won && o.ExpectedSignOn >= since && o.ClosedOn >= since)
            : all.Where(o => o.Status == status && o.ClosedOn >= since);
}
