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

    /// <summary>
    /// A revision against another of the same period (by default the one it revised): items matched by kind and text,
    /// those whose owner, due date or account moved marked changed, the rest added or removed.
    /// </summary>
    public async Task<Result<PlanComparison>> Compare(Guid id, Guid? with, CancellationToken ct = default)
    {
        var after = await Get(id, ct);
        if (!after.IsSuccess)
            return after.Error!;
        var otherId = with ?? after.Value.PreviousId;
        if (otherId is not { } beforeId)
            return Error.Validation("with", "plan.no_previous");
        var before = await Get(beforeId, ct);
        if (!before.IsSuccess)
            return before.Error!;
        if (before.Value.Period != after.Value.Period)
            return Error.Validation("with", "plan.compare_other_period");
        var (b, a) = (before.Value, after.Value);
        var left = b.Items.ToList();
        var items = new List<PlanItemChange>();
        foreach (var item in a.Items)
        {
            var match = left.FirstOrDefault(x => x.Kind == item.Kind && x.Text == item.Text);
            if (match is null)
            {
                items.Add(new PlanItemChange(PlanChange.Added, null, item));
                continue;
            }
            left.Remove(match);
            var same = match.Owner?.Id == item.Owner?.Id && match.DueOn == item.DueOn && match.AccountId == item.AccountId;
            items.Add(new PlanItemChange(same ? PlanChange.Same : PlanChange.Changed, match, item));
        }
        items.AddRange(left.Select(x => new PlanItemChange(PlanChange.Removed, x, null)));
        static PlanRow Row(PlanView v) => new(v.Id, v.Period, v.Revision, v.Title, v.Status, v.UpdatedAt);
        return new PlanComparison(Row(b), Row(a), b.Title != a.Title, b.Title, a.Title, (b.Summary ?? "") != (a.Summary ?? ""), b.Summary, a.Summary, items);
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
