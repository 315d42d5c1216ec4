using Kam.Core.Common;

namespace Kam.Core.Plans;

public enum PlanStatus
{
    Draft,
    UnderReview,
    Approved,
    Rejected,
}

public enum PlanItemKind
{
    /// <summary>重点工作: what, who, by when, possibly about an account.</summary>
    KeyAction,

    /// <summary>大客户开发计划: a prospect to win.</summary>
    Development,

    /// <summary>公关 / 渠道推广方案: a PR or channel action.</summary>
    Promotion,
}

/// <summary>
/// The department's work plan for a month or a quarter (工作计划), drafted by the head or the assistant and submitted
/// for approval (报批) to the executive. Under review it cannot be edited; approved it is locked, and a change is a new
/// revision (<see cref="Revision"/>, <see cref="PreviousId"/>) that goes through approval again; earlier revisions
/// stay as they were. The department's plan is read by every business role.
/// </summary>
[Scoped(Scope.Department)]
public class WorkPlan : Entity
{
    /// <summary>2026-12 or 2026-Q4.</summary>
    public string Period { get; set; } = "";

    public int Revision { get; set; } = 1;

    public Guid? PreviousId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The plan's text: the situation, the month's emphasis (targets themselves are the breakdown's).</summary>
    public string? Summary { get; set; }

    public PlanStatus Status { get; set; }

    public Guid? ApprovalId { get; set; }
}

/// <summary>One item of a plan; seen with its plan.</summary>
[Scoped(Scope.Parent, Rule = typeof(WorkPlanItemScope))]
public class WorkPlanItem : Entity
{
    public Guid PlanId { get; set; }

    public int Order { get; set; }

    public PlanItemKind Kind { get; set; }

    public string Text { get; set; } = "";

    public Guid? OwnerId { get; set; }

    public DateOnly? DueOn { get; set; }

    public Guid? AccountId { get; set; }
}

/// <summary>The plan is the department's: its items are everyone's to read.</summary>
public sealed class WorkPlanItemScope : IScopeRule<WorkPlanItem>
{
    public IQueryable<WorkPlanItem> Visible(IQueryable<WorkPlanItem> all, IKamDb db, ICurrentUser me) => all;
}
