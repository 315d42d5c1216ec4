using Kam.Core.Common;

namespace Kam.Core.Approvals;

/// <summary>The kinds of documents that go through approval; the key names the rules and the document's handler.</summary>
public static class ApprovalDocuments
{
    public const string Contract = "contract";

    /// <summary>An order beyond its contract's remaining amount.</summary>
    public const string Order = "order";

    /// <summary>A make-up shipment (补发货): its quantities count only once approved.</summary>
    public const string MakeUpShipment = "makeup_shipment";

    /// <summary>The department's work plan for a month or quarter (工作计划报批).</summary>
    public const string Plan = "plan";

    /// <summary>The department's expense budget for a year (费用预算).</summary>
    public const string Budget = "budget";

    /// <summary>A change to an approved budget (预算调整).</summary>
    public const string BudgetAdjustment = "budget_adjustment";

    /// <summary>An expense claim (报销单).</summary>
    public const string ExpenseClaim = "expense_claim";

    /// <summary>A PR or promotion activity of the PR expense plan (公关活动).</summary>
    public const string Activity = "activity";

    /// <summary>An appraisal scheme (考核方案).</summary>
    public const string AppraisalScheme = "appraisal_scheme";

    /// <summary>The department's appraisal of a month (月度考核结果).</summary>
    public const string AppraisalMonth = "appraisal_month";

    /// <summary>The head's report of a subordinate's reward or fault (奖励 / 过失报告).</summary>
    public const string RewardFault = "reward_fault";

    /// <summary>A commission scheme (提成方案).</summary>
    public const string CommissionScheme = "commission_scheme";

    /// <summary>A month's commission run (提成核算).</summary>
    public const string CommissionRun = "commission_run";
}

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
}

public enum ApprovalStepStatus
{
    /// <summary>A later step, not reached yet.</summary>
    Waiting,

    /// <summary>The step that decides now.</summary>
    Pending,
    Approved,
    Rejected,

    /// <summary>Never reached: an earlier step rejected or the author withdrew.</summary>
    Skipped,
}

/// <summary>
/// One submission of one document for approval (审批): the steps the rules chose when it was submitted, decided in
/// order. A document may be submitted again after a rejection: that is a new request, the old one stays as history.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(ApprovalRequestScope))]
public class ApprovalRequest : Entity
{
    /// <summary>One of <see cref="ApprovalDocuments"/>.</summary>
    public string DocumentType { get; set; } = "";

    public Guid DocumentId { get; set; }

    /// <summary>The account the document is about, if any (for the data scope and the account's page).</summary>
    public Guid? AccountId { get; set; }

    /// <summary>What approvers see in their list: the document's number and title at submission.</summary>
    public string Title { get; set; } = "";

    public decimal? Amount { get; set; }

    public Guid SubmitterId { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public string? Note { get; set; }

    public ApprovalStatus Status { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public List<ApprovalStep> Steps { get; set; } = [];
}

/// <summary>One reviewer's place in a request: the role that decides, or the person the head delegated it to, and the decision.</summary>
[Scoped(Scope.Parent, Rule = typeof(ApprovalStepScope))]
public class ApprovalStep : Entity
{
    public Guid RequestId { get; set; }

    /// <summary>0-based position; decided in this order.</summary>
    public int Order { get; set; }

    /// <summary>The role whose members may decide (Head, Executive).</summary>
    public string ApproverRole { get; set; } = "";

    /// <summary>Why this step is there: the rule's condition code (e.g. <c>always</c>, <c>amount_at_least</c>).</summary>
    public string Reason { get; set; } = "";

    /// <summary>When the head delegated the step because its approver is absent: only this person decides.</summary>
    public Guid? DelegateId { get; set; }

    public Guid? DelegatedById { get; set; }

    public ApprovalStepStatus Status { get; set; }

    public Guid? DeciderId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Comment { get; set; }
}

public enum ApprovalCondition
{
    Always,

    /// <summary>The document's amount is at or above the rule's threshold.</summary>
    AmountAtLeast,

    /// <summary>The document's payment terms are not the standard ones.</summary>
    NonStandardTerms,

    /// <summary>Either of the two above (the seed's 上级报批 for contracts).</summary>
    AmountAtLeastOrNonStandardTerms,

    /// <summary>The document spends past a budget whose category escalates (超预算上报): this step is never delegated.</summary>
    OverBudget,
}

/// <summary>One rule: a step for <see cref="Role"/> when <see cref="Condition"/> holds.</summary>
public sealed record ApprovalRule(string Role, ApprovalCondition Condition, decimal? Threshold = null);

/// <summary>What a document tells the rules about itself when it is submitted.</summary>
public sealed record ApprovalFacts(decimal? Amount, bool NonStandardTerms, bool OverBudget = false);
