using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Targets;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Plans;

/// <summary>The department's plans: the list (latest first, or one period's revisions), one plan with its items.</summary>
public sealed class GetPlans(IKamDb db, ICurrentUser me)
{
    public async Task<Result<IReadOnlyList<PlanRow>>> List(string? period, CancellationToken ct = default)
    {
        var plans = db.Read<WorkPlan>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(period))
        {
            if (Period.Parse(period) is not { } p)
                return Error.Validation("period", "plan.period_invalid");
            var key = p.ToString();
            plans = plans.Where(x => x.Period == key);
        }
        return await plans.OrderByDescending(x => x.Period).ThenByDescending(x => x.Revision).Take(200)
            .Select(x => new PlanRow(x.Id, x.Period, x.Revision, x.Title, x.Status, x.UpdatedAt)).ToListAsync(ct);
    }

    /// <summary>Every revision of a plan's period, the first first (what changed is compared page by page).</summary>
    public async Task<Result<IReadOnlyList<PlanView>>> Revisions(Guid id, CancellationToken ct = default)
    {
        var period = await db.Read<WorkPlan>().Where(p => p.Id == id).Select(p => p.Period).FirstOrDefaultAsync(ct);
        if (period is null)
            return Error.NotFound("plan.not_found");
        var ids = await db.Read<WorkPlan>().Where(p => p.Period == period).OrderBy(p => p.Revision).Select(p => p.Id).ToListAsync(ct);
        var views = new List<PlanView>();
        foreach (var revision in ids)
            views.Add((await Get(revision, ct)).Value);
        return views;
    }

    public async Task<Result<PlanView>> Get(Guid id, CancellationToken ct = default)
    {
        var plan = await db.Read<WorkPlan>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return Error.NotFound("plan.not_found");
        var items = await db.Read<WorkPlanItem>().AsNoTracking().Where(i => i.PlanId == id).OrderBy(i => i.Order).ToListAsync(ct);
        var people = items.Where(i => i.OwnerId is not null).Select(i => i.OwnerId!.Value).Append(plan.CreatedById ?? Guid.Empty).Distinct().ToList();
        var names = await db.Unscoped<User>().AsNoTracking().Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        // An account is named only to those who may see it (the plan is the department's; the account may not be).
        var accountIds = items.Where(i => i.AccountId is not null).Select(i => i.AccountId!.Value).Distinct().ToList();
        var accounts = await db.Read<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        Person? Named(Guid? id) => id is { } x && names.TryGetValue(x, out var n) ? new Person(x, n) : null;
        return new PlanView(plan.Id, plan.Period, plan.Revision, plan.PreviousId, plan.Title, plan.Summary, plan.Status, plan.ApprovalId,
            PlanAccess.Drafts(me) && PlanAccess.IsOpen(plan.Status), Named(plan.CreatedById), plan.UpdatedAt, plan.Version,
            items.Select(i => new PlanItemView(i.Id, i.Kind, i.Text, Named(i.OwnerId), i.DueOn,
                i.AccountId is { } a && accounts.ContainsKey(a) ? a : null, i.AccountId is { } b ? accounts.GetValueOrDefault(b) : null)).ToList());
    }
}
