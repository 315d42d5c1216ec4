namespace Kam.Core.Notifications;

/// <summary>
/// The kinds of notification: each is a resource key the UI formats with {0} = <see cref="Notification.Subject"/> and
/// {1} = <see cref="Notification.DueOn"/> (yyyy-MM-dd).
/// </summary>
public static class NotificationKinds
{
    public const string VisitDue = "notify.visit_due";
    public const string VisitOverdue = "notify.visit_overdue";
    public const string ReportMissing = "notify.report_missing";
    public const string TaskDue = "notify.task_due";
    public const string TaskOverdue = "notify.task_overdue";
    public const string Digest = "notify.digest";
    public const string ReportReviewed = "notify.report_reviewed";
    public const string TaskAssigned = "notify.task_assigned";
    public const string TaskDone = "notify.task_done";
    public const string ApprovalWaiting = "notify.approval_waiting";
    public const string ApprovalApproved = "notify.approval_approved";
    public const string ApprovalRejected = "notify.approval_rejected";
    public const string ContractExpiring = "notify.contract_expiring";
    public const string InstalmentDue = "notify.instalment_due";
    public const string InstalmentOverdue = "notify.instalment_overdue";
    public const string TargetBehind = "notify.target_behind";
    public const string TargetBehindTeam = "notify.target_behind_team";
    public const string TargetReached = "notify.target_reached";
    public const string TargetChallenge = "notify.target_challenge";
    public const string ActionPlanCommented = "notify.action_commented";

    public const string BudgetAlert = "notify.budget_alert";

    public const string ClaimsUnpaid = "notify.claims_unpaid";

    public const string ClaimsWaiting = "notify.claims_waiting";

    public const string CaseAssigned = "notify.case_assigned";

    public const string CaseCritical = "notify.case_critical";

    public const string CaseWarning = "notify.case_warning";

    public const string CaseBreached = "notify.case_breached";

    public const string SatisfactionLow = "notify.satisfaction_low";

    public const string FollowUpDue = "notify.follow_up_due";

    /// <summary>A month's appraisal sheets wait for the head's rating.</summary>
    public const string AppraisalToRate = "notify.appraisal_to_rate";

    /// <summary>A person's sheet is published: confirm or appeal by the date.</summary>
    public const string AppraisalPublished = "notify.appraisal_published";

    /// <summary>A person appealed their sheet; the head answers.</summary>
    public const string AppraisalAppealed = "notify.appraisal_appealed";

    /// <summary>The head answered an appeal.</summary>
    public const string AppraisalAnswered = "notify.appraisal_answered";

    /// <summary>A person asked about their commission statement; the head answers.</summary>
    public const string CommissionQuestion = "notify.commission_question";

    /// <summary>The head answered a question about a commission statement.</summary>
    public const string CommissionAnswered = "notify.commission_answered";

    public static IReadOnlyList<string> All { get; } =
        [VisitDue, VisitOverdue, ReportMissing, TaskDue, TaskOverdue, Digest, ReportReviewed, TaskAssigned, TaskDone,
        ApprovalWaiting, ApprovalApproved, ApprovalRejected, ContractExpiring, InstalmentDue, InstalmentOverdue,
        TargetBehind, TargetBehindTeam, TargetReached, TargetChallenge, ActionPlanCommented, BudgetAlert, ClaimsUnpaid, ClaimsWaiting,
        CaseAssigned, CaseCritical, CaseWarning, CaseBreached, SatisfactionLow, FollowUpDue,
        AppraisalToRate, AppraisalPublished, AppraisalAppealed, AppraisalAnswered, CommissionQuestion, CommissionAnswered];
}
