using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Opportunities;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>The PR expense plan's activities, each with its planned cost and what the approved claims linked to it
/// actually cost, by category.</summary>
public sealed class GetActivities(IKamDb db, ICurrentUser me, ExpenseCategories categories)
{
    public async Task<Result<PagedResult<ActivityRow>>> List(int? year, string? status, int page = 1, int pageSize = 20, CancellationToken ct = default)
    {
        var activities = db.Read<Activity>().AsNoTracking();
        if (year is { } y)
        {
            if (y is < 2000 or > 2100)
                return Error.Validation("year", "budget.year_invalid");
            activities = activities.Where(a => a.Date >= new DateOnly(y, 1, 1) && a.Date <= new DateOnly(y, 12, 31));
        }
        if (status is { Length: > 0 })
        {
            if (!Enum.TryParse<ActivityStatus>(status, true, out var s) || !Enum.IsDefined(s))
                return Error.Validation("status", "field.invalid");
            activities = activities.Where(a => a.Status == s);
        }
        var paging = new PageRequest(page, pageSize);
        var total = await activities.CappedCountAsync(ct);
        var rows = await activities.OrderByDescending(a => a.Date).ThenByDescending(a => a.CreatedAt).PageOf(paging)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Kind,
                a.Date,
                a.Status,
                a.PlannedTotal,
                Owner = db.Unscoped<User>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefault(),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var actual = await ActualAsync(ids, ct);
        return new PagedResult<ActivityRow>(rows.Select(r => new ActivityRow(r.Id, r.Title, r.Kind, r.Date, r.Owner ?? "", r.Status, r.PlannedTotal,
            actual.Where(a => a.ActivityId == r.Id).Sum(a => a.Amount))).ToList(), total);
    }

    public async Task<Result<ActivityView>> Get(Guid id, CancellationToken ct = default)
    {
        var a = await db.Read<Activity>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
            return Error.NotFound("activity.not_found");
        var known = (await categories.GetAsync(ct)).ToDictionary(c => c.Code);
        var planned = await db.Unscoped<ActivityCost>().AsNoTracking().Where(c => c.ActivityId == id).ToListAsync(ct);
        var actual = await ActualAsync([id], ct);
        var costs = planned.Select(c => c.Category).Concat(actual.Select(x => x.Category)).Distinct()
            .Select(c => new ActivityCostView(c, ExpenseCategories.NameOf(known.GetValueOrDefault(c), c), planned.Where(p => p.Category == c).Sum(p => p.Amount),
                actual.Where(x => x.Category == c).Sum(x => x.Amount))).ToList();
        var accountIds = await db.Unscoped<ActivityAccount>().Where(x => x.ActivityId == id).Select(x => x.AccountId).ToListAsync(ct);
        // The accounts it aims at, as far as the reader may see them.
        var accounts = await db.Read<Account>().Where(x => accountIds.Contains(x.Id)).OrderBy(x => x.Name)
            .Select(x => new ActivityAccountView(x.Id, x.Name)).ToListAsync(ct);
        var opportunityIds = await db.Unscoped<ActivityOpportunity>().Where(x => x.ActivityId == id).Select(x => x.OpportunityId).ToListAsync(ct);
        var opportunities = await db.Read<Opportunity>().Where(o => opportunityIds.Contains(o.Id))
            .Select(o => new ActivityOpportunityView(o.Id, o.Name, o.ExpectedAmount)).ToListAsync(ct);
        var owner = await db.Unscoped<User>().Where(u => u.Id == a.OwnerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var drafts = ExpenseAccess.DraftsBudget(me);
        return new ActivityView(a.Id, a.Title, a.Kind, a.Purpose, a.Audience, a.Date, a.Place, a.OwnerId, owner, a.Status, a.PlannedTotal, costs.Sum(c => c.Actual),
            a.ApprovalId, a.Outcome, a.Version, drafts && a.Status is ActivityStatus.Draft or ActivityStatus.Rejected,
            (drafts || a.OwnerId == me.Id) && a.Status is ActivityStatus.Approved or ActivityStatus.Done, accounts, costs, opportunities);
    }

    /// <summary>The approved activities a claim line may pay for (the latest first).</summary>
    public Task<List<ActivityAccountView>> Payable(CancellationToken ct = default) =>
        db.Read<Activity>().AsNoTracking().Where(a => a.Status == ActivityStatus.Approved || a.Status == ActivityStatus.Done)
            .OrderByDescending(a => a.Date).Take(50).Select(a => new ActivityAccountView(a.Id, a.Title)).ToListAsync(ct);

    private async Task<List<(Guid ActivityId, string Category, decimal Amount)>> ActualAsync(List<Guid> ids, CancellationToken ct) =>
        (await db.Unscoped<ExpenseLine>().Where(l => l.ActivityId != null && ids.Contains(l.ActivityId.Value) && l.Counted)
            .Select(l => new { ActivityId = l.ActivityId!.Value, l.Category, l.Amount }).ToListAsync(ct))
        .Select(l => (l.ActivityId, l.Category, l.Amount)).ToList();
}
