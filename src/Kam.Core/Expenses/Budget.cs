using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Expenses;

public enum BudgetStatus
{
    Draft,
    UnderReview,
    Approved,
    Rejected,
}

/// <summary>
/// The department's expense budget for a year (费用预算): per category and month (<see cref="BudgetLine"/>), some of it
/// allocated to people. Drafted by the assistant (or the head), approved through the approval engine (the head, and the
/// executive from 500,000 CNY); approved, it is locked and changes only through an adjustment
/// (<see cref="BudgetAdjustment"/>). An account manager sees the budgets that allocate something to them, and only
/// their own lines.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(BudgetScope))]
public class Budget : Entity
{
    public int Year { get; set; }

    public BudgetStatus Status { get; set; }

    /// <summary>The year's total over every category (what the approval rules read).</summary>
    public decimal Total { get; set; }

    public string? Note { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
}

/// <summary>
/// One cell of a budget: a category's amount for a month, for the department (<see cref="PersonId"/> null) or allocated
/// to one person out of the department's amount (the allocations never add up to more than it).
/// </summary>
[Scoped(Scope.Parent, Rule = typeof(BudgetLineScope))]
public class BudgetLine : Entity
{
    public Guid BudgetId { get; set; }

    public string Category { get; set; } = "";

    /// <summary>1–12.</summary>
    public int Month { get; set; }

    public Guid? PersonId { get; set; }

    public decimal Amount { get; set; }
}

public enum AdjustmentStatus
{
    UnderReview,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>
/// A change to an approved budget (预算调整): money moved between categories or months, or added, with a reason and its
/// own approval. Applied to the budget's lines when approved; every adjustment stays as the budget's history.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(BudgetAdjustmentScope))]
public class BudgetAdjustment : Entity
{
    public Guid BudgetId { get; set; }

    public string Reason { get; set; } = "";

    public AdjustmentStatus Status { get; set; }

    /// <summary>What the adjustment adds to the year's total (negative when it takes away).</summary>
    public decimal Net { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateTimeOffset? AppliedAt { get; set; }
}

/// <summary>One change of an adjustment: add (or take, negative) to one cell of the budget.</summary>
[Scoped(Scope.Parent, Rule = typeof(BudgetAdjustmentLineScope))]
public class BudgetAdjustmentLine : Entity
{
    public Guid AdjustmentId { get; set; }

    public string Category { get; set; } = "";

    public int Month { get; set; }

    public Guid? PersonId { get; set; }

    public decimal Delta { get; set; }
}

/// <summary>
/// What claims have taken of a budget cell (预算执行): per year, month, category and person (<see cref="Guid.Empty"/>:
/// the department), the amounts submitted and not yet decided (<see cref="Committed"/>) and approved or paid
/// (<see cref="Used"/>). Kept by the claims' own transactions; its version makes two submissions that reach for the
/// same cell at once end in one winner and a 409, so the budget is never overspent by a race.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(BudgetUsageScope))]
public class BudgetUsage : Entity
{
    public int Year { get; set; }

    public int Month { get; set; }

    public string Category { get; set; } = "";

    public Guid PersonId { get; set; }

    public decimal Committed { get; set; }

    public decimal Used { get; set; }
}

public sealed class BudgetScope : IScopeRule<Budget>
{
    public IQueryable<Budget> Visible(IQueryable<Budget> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        if (me.Id is not { } id)
            return all.Where(b => false);
        var mine = db.Unscoped<BudgetLine>().Where(l => l.PersonId == id).Select(l => l.BudgetId);
        return all.Where(b => mine.Contains(b.Id));
    }
}

public sealed class BudgetLineScope : IScopeRule<BudgetLine>
{
    public IQueryable<BudgetLine> Visible(IQueryable<BudgetLine> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(l => l.PersonId == id) : all.Where(l => false);
    }
}

/// <summary>Adjustments are the department's bookkeeping: the roles that see the whole budget see them.</summary>
public sealed class BudgetAdjustmentScope : IScopeRule<BudgetAdjustment>
{
    public IQueryable<BudgetAdjustment> Visible(IQueryable<BudgetAdjustment> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : all.Where(a => false);
}

public sealed class BudgetAdjustmentLineScope : IScopeRule<BudgetAdjustmentLine>
{
    public IQueryable<BudgetAdjustmentLine> Visible(IQueryable<BudgetAdjustmentLine> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : all.Where(a => false);
}

public sealed class BudgetUsageScope : IScopeRule<BudgetUsage>
{
    public IQueryable<BudgetUsage> Visible(IQueryable<BudgetUsage> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(u => u.PersonId == id) : all.Where(u => false);
    }
}
