using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Commission;

public enum RunStatus
{
    /// <summary>Computed, not submitted: a rerun replaces it with a new version.</summary>
    Draft,
    UnderReview,
    Approved,
    Rejected,

    /// <summary>Replaced by a later version of the same month before approval.</summary>
    Superseded,
}

/// <summary>
/// A month's commission run (提成核算): a snapshot of every person's statement when computed. Later changes to the records
/// do not change it; a rerun before approval is a new version; approved (the head, then the executive: document type
/// <c>commission_run</c>) it is locked, and what changes later (a reversal, a receivable collected) goes into a later month.
/// The run's figures are the department's; a person reads only their own statement.
/// </summary>
[Scoped(Scope.Department)]
public class CommissionRun : Entity
{
    public DateOnly Month { get; set; }

    /// <summary>1, 2, … per month.</summary>
    public int Number { get; set; }

    public Guid SchemeId { get; set; }

    public RunStatus Status { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateTimeOffset ComputedAt { get; set; }

    public decimal Total { get; set; }

    public int People { get; set; }
}

public enum LineKind
{
    /// <summary>A payment (or contract, or a brand's part of one) and what it earned.</summary>
    Base,

    /// <summary>The challenge target's bonus.</summary>
    Bonus,

    /// <summary>The appraisal coefficient's adjustment of the subtotal.</summary>
    Coefficient,

    /// <summary>Held back while the account has receivables long overdue.</summary>
    Hold,

    /// <summary>An earlier month's hold paid out: the receivables were collected.</summary>
    Release,

    /// <summary>Taken back: a payment counted in an approved run was reversed this month.</summary>
    Clawback,
}

/// <summary>One person's statement in a run (提成明细): the subtotals, the coefficient and its grade, and the total, the
/// sum of its lines to the fen.</summary>
[Scoped(Scope.Person, Rule = typeof(StatementScope))]
public class CommissionStatement : Entity
{
    public Guid RunId { get; set; }

    public Guid PersonId { get; set; }

    public decimal Base { get; set; }

    public decimal? Target { get; set; }

    public decimal Subtotal { get; set; }

    public decimal Coefficient { get; set; } = 1;

    public string? Grade { get; set; }

    public decimal Held { get; set; }

    public decimal Released { get; set; }

    public decimal Clawback { get; set; }

    public decimal Total { get; set; }
}

/// <summary>A line of a statement, explaining itself: <see cref="Explain"/> is a text code and its arguments
/// ("code|arg|arg…"), written in the reader's language when shown.</summary>
[Scoped(Scope.Parent, Rule = typeof(LineScope))]
public class CommissionLine : Entity, ISnapshotPart
{
    public Guid StatementId { get; set; }

    public Guid RunId { get; set; }

    public Guid PersonId { get; set; }

    public int Order { get; set; }

    public LineKind Kind { get; set; }

    /// <summary>The payment or contract counted (or held, or taken back).</summary>
    public Guid? SourceId { get; set; }

    public Guid? AccountId { get; set; }

    /// <summary>The order's or contract's number (or the payment's reference).</summary>
    public string? Reference { get; set; }

    public decimal BaseAmount { get; set; }

    public decimal? Rate { get; set; }

    public decimal Amount { get; set; }

    public string Explain { get; set; } = "";

    /// <summary>For a hold: the run that paid it out once the receivables were collected.</summary>
    public Guid? ReleasedByRunId { get; set; }

    /// <summary>For a release: the hold it pays out.</summary>
    public Guid? HoldLineId { get; set; }
}

public enum QuestionStatus
{
    Open,
    Answered,
}

/// <summary>A person's question about their statement or one of its lines (提成疑问), answered by the head.</summary>
[Scoped(Scope.Person, Rule = typeof(QuestionScope))]
public class CommissionQuestion : Entity
{
    public Guid StatementId { get; set; }

    public Guid RunId { get; set; }

    public Guid PersonId { get; set; }

    public Guid? LineId { get; set; }

    public string Text { get; set; } = "";

    public QuestionStatus Status { get; set; }

    public string? Answer { get; set; }

    public Guid? AnsweredById { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
}

public sealed class StatementScope : IScopeRule<CommissionStatement>
{
    public IQueryable<CommissionStatement> Visible(IQueryable<CommissionStatement> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : me.Id is { } id ? all.Where(s => s.PersonId == id) : all.Where(s => false);
}

public sealed class LineScope : IScopeRule<CommissionLine>
{
    public IQueryable<CommissionLine> Visible(IQueryable<CommissionLine> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : me.Id is { } id ? all.Where(l => l.PersonId == id) : all.Where(l => false);
}

public sealed class QuestionScope : IScopeRule<CommissionQuestion>
{
    public IQueryable<CommissionQuestion> Visible(IQueryable<CommissionQuestion> all, IKamDb db, ICurrentUser me) =>
        DataScope.SeesAllAccounts(me) ? all : me.Id is { } id ? all.Where(q => q.PersonId == id) : all.Where(q => false);
}
