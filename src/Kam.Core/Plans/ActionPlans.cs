using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Targets;
using Kam.Core.Users;
using Kam.Core.WorkItems;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Plans;

public sealed record ActionItemInput
{
    public ActionItemKind? Kind { get; init; }

    public string? Text { get; init; }

    public Guid? AccountId { get; init; }

    public DateOnly? DueOn { get; init; }
}

public sealed record ActionPlanInput
{
    /// <summary>2026-12.</summary>
    public string? Month { get; init; }

    public IReadOnlyList<ActionItemInput>? Items { get; init; }

    /// <summary>The version read; null for the month's first save.</summary>
    public Guid? Version { get; init; }
}

public sealed record ActionCommentInput(string? Comment, Guid? Version);

public sealed record ActionItemView(Guid Id, ActionItemKind Kind, string Text, Guid? AccountId, string? AccountName, DateOnly? DueOn, Guid? WorkItemId, WorkItemStatus? Status);

public sealed record ActionPlanView(Guid Id, string Month, Person Person, string? Comment, Person? CommentedBy, DateTimeOffset? CommentedAt,
    Guid Version, bool Editable, IReadOnlyList<ActionItemView> Items);

/// <summary>
/// Account managers' monthly action plans (行动计划): each writes their own; every item becomes a work item (kind
/// <see cref="WorkItemKind.PlanItem"/>) due on its date or at the month's end, followed up in the task list and moved
/// by a handover; an item taken out cancels its open work item. The head (or the assistant) reads everyone's and
/// comments (检查执行), and the author is notified.
/// </summary>
public sealed class ActionPlans(IKamDb db, ICurrentUser me, Notifications.Notifier notifier, TimeProvider clock)
{
    public const int MaxItems = 50;

    public async Task<Result<IReadOnlyList<ActionPlanView>>> List(string? month, Guid? userId, CancellationToken ct = default)
    {
        if (Period.Parse(month ?? "") is not { Kind: PeriodKind.Month } p)
            return Error.Validation("month", "action.month_invalid");
        var start = p.Start;
        var plans = db.Read<ActionPlan>().AsNoTracking().Where(x => x.Month == start);
        if (userId is { } only)
            plans = plans.Where(x => x.PersonId == only);
        // The month's plans in five queries whatever their number (the head reads two hundred at once).
        var views = await ViewsAsync(await plans.Take(1000).ToListAsync(ct), ct);
        return views.OrderBy(v => v.Person.DisplayName, StringComparer.Ordinal).ToList();
    }

    public async Task<Result<ActionPlanView>> Get(Guid id, CancellationToken ct = default) =>
        await db.Read<ActionPlan>().AnyAsync(p => p.Id == id, ct) ? await ViewAsync(id, ct) : Error.NotFound("action.not_found");

    /// <summary>An account manager saves their own plan for a month (created on the first save).</summary>
    public async Task<Result<Guid>> Save(ActionPlanInput input, CancellationToken ct = default)
    {
        if (!me.IsInRole(Roles.AccountManager) || me.Id is not { } personId)
            return Error.Forbidden("action.own_only");
        var errors = new List<FieldError>();
        var p = Period.Parse(input.Month ?? "");
        if (p is not { Kind: PeriodKind.Month })
            errors.Add(new FieldError("month", "action.month_invalid"));
        var items = input.Items ?? [];
        if (items.Count > MaxItems)
            errors.Add(new FieldError("items", "plan.too_many_items", MaxItems));
        var accountIds = items.Where(i => i.AccountId is not null).Select(i => i.AccountId!.Value).Distinct().ToList();
        var seen = await db.Read<Account>().Where(a => accountIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"items[{i}].";
            if (items[i].Kind is not { } kind || !Enum.IsDefined(kind))
                errors.Add(new FieldError(at + "kind", "plan.item_kind_invalid"));
            if (string.IsNullOrWhiteSpace(items[i].Text))
                errors.Add(new FieldError(at + "text", "plan.item_text_required"));
            else if (items[i].Text!.Trim().Length > 500)
                errors.Add(new FieldError(at + "text", "field.too_long", 0, 500));
            if (items[i].AccountId is { } account && !seen.Contains(account))
                errors.Add(new FieldError(at + "accountId", "account.not_found"));
            if (p is not null && items[i].DueOn is { } due && (due < p.Start || due > p.End))
                errors.Add(new FieldError(at + "dueOn", "action.due_in_month"));
        }
        if (errors.Count > 0)
            return Error.Validation(errors);

        var month = p!.Start;
        var plan = await db.Unscoped<ActionPlan>().FirstOrDefaultAsync(x => x.PersonId == personId && x.Month == month, ct);
        if (plan is null)
        {
            if (input.Version is not null)
                return Error.Conflict();
            plan = new ActionPlan { PersonId = personId, Month = month };
            db.Unscoped<ActionPlan>().Add(plan);
        }
        else
        {
            if (input.Version is not { } version || version != plan.Version)
                return Error.Conflict();
            db.Entry(plan).Property(x => x.Version).OriginalValue = version;
            plan.Version = Guid.NewGuid();
        }

        var old = await db.Unscoped<ActionPlanItem>().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Order).ToListAsync(ct);
        var tasks = await db.Unscoped<WorkItem>().Where(w => old.Select(o => o.WorkItemId).Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        // Items are matched to the old ones by position: an item kept keeps its work item (updated while still open).
        for (var i = 0; i < items.Count; i++)
        {
            var input1 = items[i];
            var item = i < old.Count ? old[i] : null;
            if (item is null)
            {
                item = new ActionPlanItem { PlanId = plan.Id };
                db.Unscoped<ActionPlanItem>().Add(item);
            }
            (item.Order, item.Kind, item.Text, item.AccountId, item.DueOn) = (i, input1.Kind!.Value, input1.Text!.Trim(), input1.AccountId, input1.DueOn);
            var due = item.DueOn ?? p.End;
            if (item.WorkItemId is { } taskId && tasks.TryGetValue(taskId, out var task))
            {
                if (task.Status is WorkItemStatus.Open or WorkItemStatus.InProgress)
                    (task.Title, task.DueOn, task.AccountId) = (Title(item), due, item.AccountId);
            }
            else
            {
                var work = new WorkItem { Kind = WorkItemKind.PlanItem, Title = Title(item), OwnerId = personId, AssignerId = personId, DueOn = due, Status = WorkItemStatus.Open, AccountId = item.AccountId };
                db.Unscoped<WorkItem>().Add(work);
                item.WorkItemId = work.Id;
            }
        }
        foreach (var gone in old.Skip(items.Count))
        {
            if (gone.WorkItemId is { } taskId && tasks.TryGetValue(taskId, out var task) && task.Status is WorkItemStatus.Open or WorkItemStatus.InProgress)
                (task.Status, task.CancelReason) = (WorkItemStatus.Cancelled, Text.Get("action.removed_from_plan"));
            db.Unscoped<ActionPlanItem>().Remove(gone);
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return plan.Id;
    }

    /// <summary>The head (or the assistant) checks a plan and comments on it.</summary>
    public async Task<Result> Comment(Guid id, ActionCommentInput input, CancellationToken ct = default)
    {
        var plan = await db.Read<ActionPlan>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
            return Error.NotFound("action.not_found");
        if (!PlanAccess.Drafts(me))
            return Error.Forbidden("action.comment_head_only");
        if (string.IsNullOrWhiteSpace(input.Comment))
            return Error.Validation("comment", "action.comment_required");
        if (input.Comment.Trim().Length > 2000)
            return Error.Validation("comment", "field.too_long", 0, 2000);
        if (input.Version is { } version && version != plan.Version)
            return Error.Conflict();
        if (input.Version is { } seen)
            db.Entry(plan).Property(p => p.Version).OriginalValue = seen;
        (plan.Comment, plan.CommentedById, plan.CommentedAt) = (input.Comment.Trim(), me.Id, clock.GetUtcNow());
        // The author hears of it, in the same save: one message a comment.
        var by = await db.Unscoped<User>().Where(u => u.Id == me.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        notifier.Add(new Notifications.NotificationMessage(plan.PersonId, Notifications.NotificationKinds.ActionPlanCommented,
            $"action_comment:{plan.Id}:{plan.CommentedAt.Value.UtcTicks}", by, null, "/plans/actions"));
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private static string Title(ActionPlanItem item) => item.Text.Length > 200 ? item.Text[..200] : item.Text;

    private async Task<ActionPlanView> ViewAsync(Guid id, CancellationToken ct) =>
        (await ViewsAsync([await db.Unscoped<ActionPlan>().AsNoTracking().FirstAsync(p => p.Id == id, ct)], ct)).Single();

    private async Task<List<ActionPlanView>> ViewsAsync(List<ActionPlan> plans, CancellationToken ct)
    {
        var planIds = plans.Select(p => p.Id).ToList();
        var items = (await db.Unscoped<ActionPlanItem>().AsNoTracking().Where(i => planIds.Contains(i.PlanId)).ToListAsync(ct))
            .OrderBy(i => i.Order).ToLookup(i => i.PlanId);
        var people = plans.SelectMany(p => new[] { p.PersonId, p.CommentedById ?? Guid.Empty }).Distinct().ToList();
        var names = await db.Unscoped<User>().AsNoTracking().Where(u => people.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var all = items.SelectMany(g => g).ToList();
        var accountIds = all.Where(i => i.AccountId is not null).Select(i => i.AccountId!.Value).Distinct().ToList();
        var accounts = await db.Read<Account>().AsNoTracking().Where(a => accountIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var taskIds = all.Where(i => i.WorkItemId is not null).Select(i => i.WorkItemId!.Value).ToList();
        var statuses = await db.Unscoped<WorkItem>().AsNoTracking().Where(w => taskIds.Contains(w.Id)).Select(w => new { w.Id, w.Status }).ToDictionaryAsync(w => w.Id, w => w.Status, ct);
        return plans.Select(plan => new ActionPlanView(plan.Id, Period.MonthOf(plan.Month).ToString(), new Person(plan.PersonId, names.GetValueOrDefault(plan.PersonId, "")),
            plan.Comment, plan.CommentedById is { } c ? new Person(c, names.GetValueOrDefault(c, "")) : null, plan.CommentedAt, plan.Version,
            me.Id == plan.PersonId,
            items[plan.Id].Select(i => new ActionItemView(i.Id, i.Kind, i.Text, i.AccountId is { } a && accounts.ContainsKey(a) ? a : null,
                i.AccountId is { } b ? accounts.GetValueOrDefault(b) : null, i.DueOn, i.WorkItemId,
                i.WorkItemId is { } w && statuses.TryGetValue(w, out var st) ? st : null)).ToList())).ToList();
    }
}
