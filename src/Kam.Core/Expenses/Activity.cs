using Kam.Core.Common;

namespace Kam.Core.Expenses;

public enum ActivityKind
{
    /// <summary>公关活动: government bodies, developers, design firms.</summary>
    PublicRelations,

    /// <summary>推广活动: product and channel promotion.</summary>
    Promotion,
}

public enum ActivityStatus
{
    Draft,
    UnderReview,
    Approved,
    Rejected,

    /// <summary>Held, its outcome recorded.</summary>
    Done,
}

/// <summary>
/// A PR or promotion activity (公关 / 推广活动) of the department's PR expense plan: its purpose, the accounts and people it
/// aims at, its day, the cost planned per category, approved like a budget item; then what it really cost (the approved
/// claim lines linked to it) and its outcome (notes, the projects it produced). The department's plan: every business
/// role reads it.
/// </summary>
[Scoped(Scope.Department)]
public class Activity : Entity
{
    public string Title { get; set; } = "";

    public ActivityKind Kind { get; set; }

    public string Purpose { get; set; } = "";

    /// <summary>Whom it aims at beyond the accounts (a planning bureau, a design institute's chief architect...).</summary>
    public string? Audience { get; set; }

    public DateOnly Date { get; set; }

    public string? Place { get; set; }

    /// <summary>Who runs it.</summary>
    public Guid OwnerId { get; set; }

    public ActivityStatus Status { get; set; }

    public decimal PlannedTotal { get; set; }

    public Guid? ApprovalId { get; set; }

    public string? Outcome { get; set; }

    public DateTimeOffset? DoneAt { get; set; }
}

/// <summary>An account an activity aims at; seen with its activity.</summary>
[Scoped(Scope.Parent, Rule = typeof(ActivityPartScope<ActivityAccount>))]
public class ActivityAccount : Entity, IActivityPart
{
    public Guid ActivityId { get; set; }

    public Guid AccountId { get; set; }
}

/// <summary>The cost an activity plans in one category.</summary>
[Scoped(Scope.Parent, Rule = typeof(ActivityPartScope<ActivityCost>))]
public class ActivityCost : Entity, IActivityPart
{
    public Guid ActivityId { get; set; }

    public string Category { get; set; } = "";

    public decimal Amount { get; set; }
}

/// <summary>A project an activity produced (its outcome).</summary>
[Scoped(Scope.Parent, Rule = typeof(ActivityPartScope<ActivityOpportunity>))]
public class ActivityOpportunity : Entity, IActivityPart
{
    public Guid ActivityId { get; set; }

    public Guid OpportunityId { get; set; }
}

public interface IActivityPart
{
    Guid ActivityId { get; }
}

/// <summary>Parts of an activity are seen with it: the department's plan, read by every business role.</summary>
public sealed class ActivityPartScope<T> : IScopeRule<T>
    where T : class, IActivityPart
{
    public IQueryable<T> Visible(IQueryable<T> all, IKamDb db, ICurrentUser me)
    {
        var activities = db.Read<Activity>().Select(a => a.Id);
        return all.Where(p => activities.Contains(p.ActivityId));
    }
}
