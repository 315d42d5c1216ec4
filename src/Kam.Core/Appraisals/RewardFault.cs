using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Appraisals;

public enum RewardFaultKind
{
    Reward,
    Fault,
}

/// <summary>
/// The head's report of a subordinate's reward or fault (申报直接下级奖励 / 过失报告): what happened, the points (and any
/// amount) proposed, approved by the executive (document type <c>reward_fault</c>), then counted in that month's sheet
/// as a bonus or a deduction. Seen by the person it is about and by the head, the assistant and the executive.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(RewardFaultScope))]
public class RewardFault : Entity
{
    public Guid PersonId { get; set; }

    public RewardFaultKind Kind { get; set; }

    /// <summary>The month whose sheet counts it (the first day).</summary>
    public DateOnly Month { get; set; }

    public DateOnly OccurredOn { get; set; }

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>Bonus or deduction points, positive.</summary>
    public decimal Points { get; set; }

    /// <summary>A reward paid or a penalty held back, in yuan, if any.</summary>
    public decimal? Amount { get; set; }

    public SchemeStatus Status { get; set; }

    public Guid? ApprovalId { get; set; }
}

public sealed class RewardFaultScope : IScopeRule<RewardFault>
{
    public IQueryable<RewardFault> Visible(IQueryable<RewardFault> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(r => r.PersonId == id && r.Status == SchemeStatus.Approved) : all.Where(r => false);
    }
}
