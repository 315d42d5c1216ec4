using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Service;

/// <summary>评分 1–5, NPS 0–10, 单选, 多选, 文字.</summary>
public enum QuestionKind
{
    Score,
    Nps,
    Single,
    Multiple,
    Text,
}

/// <summary>One question of a survey: its kind, its words, the options of a choice, whether an answer is required.</summary>
public sealed record SurveyQuestion(QuestionKind Kind, string Text, IReadOnlyList<string>? Options = null, bool Required = true);

/// <summary>What makes a follow-up: an order delivered, a case closed, the quarter of an A account, a contract signed, or
/// the assistant's own choice.</summary>
public enum FollowUpOccasion
{
    Manual,
    OrderDelivered,
    CaseClosed,
    Quarterly,
    ContractSigned,
}

public enum FollowUpStatus
{
    Open,
    Answered,
    Cancelled,
}

/// <summary>How a follow-up was answered: the assistant on the phone (内勤回访), or the contact through the link.</summary>
public enum AnswerChannel
{
    Call,
    Link,
}

/// <summary>
/// A satisfaction survey (满意度调查问卷) the head or the assistant configures: its questions, and which accounts and
/// occasions it is for (a dealer and a government body are not asked the same things). The most specific active
/// template is used for a follow-up, which keeps a copy of its questions.
/// </summary>
[Scoped(Scope.Department)]
public class SurveyTemplate : Entity, IArchivable
{
    public string Name { get; set; } = "";

    /// <summary>null: any occasion.</summary>
    public FollowUpOccasion? Occasion { get; set; }

    /// <summary>null: any category of account.</summary>
    public AccountCategory? AccountCategory { get; set; }

    /// <summary>JSON of <see cref="SurveyQuestion"/>.</summary>
    public string Questions { get; set; } = "[]";

    public DateTimeOffset? ArchivedAt { get; set; }
}

/// <summary>
/// A satisfaction follow-up (满意度回访) of one account: a task for the assistant (or the owner) with a due date, its
/// survey's questions, and once answered the answers, the satisfaction (average of the 1–5 scores) and the NPS answer.
/// A link for the contact carries a random single-use token, of which only the hash is kept.
/// </summary>
[Scoped(Scope.Account)]
public class FollowUp : Entity, IBelongsToAccount
{
    public Guid AccountId { get; set; }

    public Guid? ContactId { get; set; }

    public FollowUpOccasion Occasion { get; set; }

    /// <summary>The order, case or contract it follows.</summary>
    public Guid? SourceId { get; set; }

    /// <summary>One follow-up an occasion: "order:{id}", "case:{id}", "quarter:{account}:2026Q4" (unique), or "manual:{id}".</summary>
    public string Key { get; set; } = "";

    public Guid? TemplateId { get; set; }

    public string Title { get; set; } = "";

    /// <summary>JSON of <see cref="SurveyQuestion"/>, copied from the template when the follow-up was made.</summary>
    public string Questions { get; set; } = "[]";

    public Guid AssigneeId { get; set; }

    public DateOnly DueOn { get; set; }

    public FollowUpStatus Status { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>The business day of <see cref="AnsweredAt"/>: the index groups and filters by it in the database.</summary>
    public DateOnly? AnsweredOn { get; set; }

    /// <summary>Who owned the account when it was answered: the account manager the answer counts for (like the ledger,
    /// a later handover does not move it).</summary>
    public Guid? OwnerId { get; set; }

    public AnswerChannel? AnsweredVia { get; set; }

    public Guid? AnsweredById { get; set; }

    /// <summary>JSON of the answers, one per question in order.</summary>
    public string? Answers { get; set; }

    /// <summary>The average of the 1–5 scores (null: none asked or answered). A double, not money: the index averages it
    /// in the database (SQLite keeps decimals as text).</summary>
    public double? Score { get; set; }

    /// <summary>The 0–10 answer of the NPS question.</summary>
    public int? Nps { get; set; }

    /// <summary>Below the policy's low mark: a follow-up task went to the owner and the head was told.</summary>
    public bool Low { get; set; }

    /// <summary>The text answers together, for the comments list.</summary>
    public string? Comment { get; set; }

    public string? LinkTokenHash { get; set; }

    public DateTimeOffset? LinkExpiresAt { get; set; }

    public string? CancelReason { get; set; }
}

/// <summary>One answer as sent: a score (score, NPS), the chosen options (single, multiple), or text.</summary>
public sealed record SurveyAnswer(int? Score = null, IReadOnlyList<string>? Choices = null, string? Text = null);
