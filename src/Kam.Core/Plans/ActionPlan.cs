using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Plans;

/// <summary>
/// An account manager's action plan for a month (行动计划): the accounts to develop and visit, the deals to push, their
/// own key actions. Each item becomes a work item the existing lists follow up; the head checks the plan (检查执行) and
/// comments. Seen by its author and by whoever sees the department.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(ActionPlanScope))]
public class ActionPlan : Entity
{
    public Guid PersonId { get; set; }

    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The head's comment (检查意见).</summary>
    public string? Comment { get; set; }

    public Guid? CommentedById { get; set; }

    public DateTimeOffset? CommentedAt { get; set; }
}

public enum ActionItemKind
{
    /// <summary>An account to visit.</summary>
    Visit,

    /// <summary>An account to develop.</summary>
    Develop,

    /// <summary>A deal to push.</summary>
    Deal,

    /// <summary>One of their own key actions.</summary>
    Action,
}

/// <summary>One item of an action plan; seen with its plan. <see cref="WorkItemId"/> is the work item that follows it up.</summary>
[Scoped(Scope.Parent, Rule = typeof(ActionPlanItemScope))]
public class ActionPlanItem : Entity
{
    public Guid PlanId { get; set; }

    public int Order { get; set; }

    public ActionItemKind Kind { get; set; }

    public string Text { get; set; } = "";

    public Guid? AccountId { get; set; }

    public DateOnly? DueOn { get; set; }

    public Guid? WorkItemId { get; set; }
}

public sealed class ActionPlanScope : IScopeRule<ActionPlan>
{
    public IQueryable<ActionPlan> Visible(IQueryable<ActionPlan> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(p => p.PersonId == id) : all.Where(p => false);
    }
}

public sealed class ActionPlanItemScope : IScopeRule<ActionPlanItem>
{
    public IQueryable<ActionPlanItem> Visible(IQueryable<ActionPlanItem> all, IKamDb db, ICurrentUser me)
    {
        var plans = db.Read<ActionPlan>().Select(p => p.Id);
        return all.Where(i => plans.Contains(i.PlanId));
    }
}
