namespace Kam.Core.Expenses;

public sealed record ExpenseLineInput(
    DateOnly? Date,
    string? Category,
    decimal? Amount,
    string? Description,
    string? InvoiceNumber,
    string? InvoiceCode,
    Guid? AccountId,
    Guid? VisitId,
    Guid? OpportunityId,
    string? City,
    int? Nights,
    Guid? ReceiptId,
    Guid? ActivityId = null);

public sealed record ExpenseClaimInput(string? Title, string? Justification, IReadOnlyList<ExpenseLineInput>? Lines, Guid? Version);

public sealed record ClaimActionInput(Guid? Version, string? Justification, string? Note);

public sealed record ClaimPaymentInput(Guid? Version, DateOnly? PaidOn, string? Reference);

public sealed record ExpenseClaimRow(Guid Id, string Number, string Title, Guid ClaimantId, string ClaimantName, ClaimStatus Status, decimal Total, int Lines,
    DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateOnly? PaidOn, string? PaymentReference, bool HasWarnings);

/// <summary>What the approver sees beside a line: the budget of its category and month, what is committed and used,
/// what remains (before this claim), and the category's rule.</summary>
public sealed record LineBudgetView(int Year, int Month, string Category, string CategoryName, decimal Budget, decimal Committed, decimal Used, decimal Remaining,
    decimal ThisClaim, OverBudgetRule Rule, int AlertPercent);

public sealed record ExpenseLineView(Guid Id, DateOnly Date, string Category, string CategoryName, decimal Amount, string Description, string? InvoiceNumber,
    string? InvoiceCode, Guid? AccountId, string? AccountName, Guid? VisitId, Guid? OpportunityId, string? OpportunityName, string? City, int? Nights,
    Guid? ReceiptId, string? ReceiptName, Guid? ActivityId = null, string? ActivityTitle = null);

public sealed record ClaimWarningView(string Code, string Text);

/// <summary>What a line about an account may name: the claimant's recent visits there and the account's projects.</summary>
public sealed record LineChoices(IReadOnlyList<LineChoice> Visits, IReadOnlyList<LineChoice> Projects);

public sealed record LineChoice(Guid Id, string Text);

/// <summary>The account's spend this year against what it brought in (for the approver).</summary>
public sealed record AccountSpendView(Guid AccountId, string AccountName, decimal SpentThisYear, decimal CollectedThisYear, decimal SignedThisYear);

public sealed record ExpenseReceiptView(Guid Id, string FileName, string ContentType, long Size);

public sealed record ExpenseClaimView(Guid Id, string Number, string Title, Guid ClaimantId, string ClaimantName, ClaimStatus Status, decimal Total,
    string? Justification, IReadOnlyList<ClaimWarningView> Warnings, DateTimeOffset CreatedAt, DateTimeOffset? SubmittedAt, DateOnly? PaidOn,
    string? PaymentReference, Guid? ApprovalId, Guid Version, bool MayEdit, bool MayPay,
    IReadOnlyList<ExpenseLineView> Lines, IReadOnlyList<LineBudgetView> Budget, IReadOnlyList<AccountSpendView> Accounts,
    IReadOnlyList<ExpenseReceiptView> Receipts);

public sealed record ExpenseClaimQuery(string? Search = null, string? Status = null, Guid? Claimant = null, DateOnly? From = null, DateOnly? To = null,
    string? Category = null, Guid? Account = null, int Page = 1, int PageSize = 20, string? Sort = null);

/// <summary>One counted (approved or paid) claim line about an account, for the account's expenses tab.</summary>
public sealed record AccountExpenseRow(Guid ClaimId, string ClaimNumber, DateOnly Date, string Category, string CategoryName, decimal Amount, string Description,
    Guid ClaimantId, string ClaimantName, Guid? VisitId, Guid? OpportunityId, Guid? ActivityId);

/// <summary>An account's expenses: this year's spend, collections and signed amount (from the ledger) and the counted claim
/// lines about it that the reader may see (their own, or all for the head, assistant and executive).</summary>
public sealed record AccountExpensesView(int Year, decimal Spent, decimal Collected, decimal Signed, Kam.Core.Common.PagedResult<AccountExpenseRow> Lines);
