namespace Kam.Core.Approvals;

/// <summary>One step as shown on a document and in the lists.</summary>
public sealed record ApprovalStepView(
    Guid Id, int Order, string ApproverRole, string Reason, ApprovalStepStatus Status, Guid? DelegateId, string? DelegateName,
    Guid? DeciderId, string? DeciderName, DateTimeOffset? DecidedAt, string? Comment);

/// <summary>One request with its steps and what the current user may do with it.</summary>
public sealed record ApprovalView(
    Guid Id, Guid Version, string DocumentType, Guid DocumentId, Guid? AccountId, string Title, decimal? Amount,
    Guid SubmitterId, string SubmitterName, DateTimeOffset SubmittedAt, string? Note, ApprovalStatus Status, DateTimeOffset? ClosedAt,
    string Link, IReadOnlyList<ApprovalStepView> Steps, bool CanDecide, bool CanWithdraw, bool CanDelegate)
{
    /// <summary>The step deciding now, if the request is pending.</summary>
    public ApprovalStepView? Current => Steps.FirstOrDefault(s => s.Status == ApprovalStepStatus.Pending);
}

/// <summary>A comment with a decision; <see cref="Version"/> is the request's version the approver saw (optional).</summary>
public sealed record ApprovalDecision(string? Comment, Guid? Version);

/// <summary>The head hands the current step to someone else because its approver is absent.</summary>
public sealed record ApprovalDelegation(Guid? UserId, string? Reason);
