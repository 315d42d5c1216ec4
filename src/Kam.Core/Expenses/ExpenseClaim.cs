using Kam.Core.Accounts;
using Kam.Core.Common;

namespace Kam.Core.Expenses;

public enum ClaimStatus
{
    Draft,
    Submitted,
    Approved,
    Paid,
    Rejected,

    /// <summary>Given up by its claimant before approval (kept, never deleted); its invoices are free again.</summary>
    Cancelled,
}

/// <summary>
/// An expense claim (报销单): lines of money a member spent, each with its receipt, invoice and what it served. Filed by
/// its claimant, approved through the approval engine (the head; the executive too past an escalating budget), paid by
/// the assistant. The claimant sees their own; the head, the assistant and the executive see every claim.
/// </summary>
[Scoped(Scope.Person, Rule = typeof(ExpenseClaimScope))]
public class ExpenseClaim : Entity
{
    /// <summary>BX-2026-000001.</summary>
    public string Number { get; set; } = "";

    public Guid ClaimantId { get; set; }

    public string Title { get; set; } = "";

    public ClaimStatus Status { get; set; }

    public decimal Total { get; set; }

    /// <summary>Why the claim goes past a budget or a standard (超预算 / 超标准说明).</summary>
    public string? Justification { get; set; }

    /// <summary>What the checks at submission found for the approver (codes separated by ';').</summary>
    public string? Warnings { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public Guid? ApprovalId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public DateOnly? PaidOn { get; set; }

    public string? PaymentReference { get; set; }

    public Guid? PaidById { get; set; }
}

/// <summary>One expense of a claim: its day, category, amount, invoice, receipt and the account, visit, project or
/// activity it served. <see cref="Counted"/> is set when its claim is approved: from then on it is in the ledger.</summary>
[Scoped(Scope.Parent, Rule = typeof(ExpenseLineScope))]
public class ExpenseLine : Entity
{
    public Guid ClaimId { get; set; }

    public int Order { get; set; }

    public DateOnly Date { get; set; }

    public string Category { get; set; } = "";

    public decimal Amount { get; set; }

    public string Description { get; set; } = "";

    /// <summary>The invoice number: 20 digits for a digital invoice (全电发票), 8 for the older kind with its code.</summary>
    public string? InvoiceNumber { get; set; }

    /// <summary>The older invoice's code (发票代码, 10 or 12 digits).</summary>
    public string? InvoiceCode { get; set; }

    public Guid? AccountId { get; set; }

    public Guid? VisitId { get; set; }

    public Guid? OpportunityId { get; set; }

    /// <summary>The PR or promotion activity it paid for (its actual cost).</summary>
    public Guid? ActivityId { get; set; }

    public string? City { get; set; }

    public int? Nights { get; set; }

    public Guid? ReceiptId { get; set; }

    /// <summary>The claimant's person, copied from the claim, for the ledger (credited to who spent).</summary>
    public Guid ClaimantId { get; set; }

    public bool Counted { get; set; }
}

/// <summary>A receipt's file (image or PDF) uploaded for a claim, stored under Kam:DataDir; seen with its claim.</summary>
[Scoped(Scope.Parent, Rule = typeof(ExpenseReceiptScope))]
public class ExpenseReceipt : Entity
{
    public Guid ClaimId { get; set; }

    public string FileName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Size { get; set; }

    public string StoredName { get; set; } = "";
}

/// <summary>
/// Every invoice ever claimed (发票查重), once: its key is unique, so the same invoice on two claims, even submitted at
/// the same moment, ends in one claim and a refusal naming the other. Written when a claim is submitted and kept for
/// good (a rejected claim keeps its invoices: it is fixed and submitted again, not copied).
/// </summary>
[Scoped(Scope.System)]
public class InvoiceRegistration : Entity
{
    /// <summary>The invoice's number, or code and number, as digits: "20 digits" or "code-number".</summary>
    public string Key { get; set; } = "";

    public Guid ClaimId { get; set; }
}

public sealed class ExpenseClaimScope : IScopeRule<ExpenseClaim>
{
    public IQueryable<ExpenseClaim> Visible(IQueryable<ExpenseClaim> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(c => c.ClaimantId == id) : all.Where(c => false);
    }
}

public sealed class ExpenseLineScope : IScopeRule<ExpenseLine>
{
    public IQueryable<ExpenseLine> Visible(IQueryable<ExpenseLine> all, IKamDb db, ICurrentUser me)
    {
        if (DataScope.SeesAllAccounts(me))
            return all;
        return me.Id is { } id ? all.Where(l => l.ClaimantId == id) : all.Where(l => false);
    }
}

public sealed class ExpenseReceiptScope : IScopeRule<ExpenseReceipt>
{
    public IQueryable<ExpenseReceipt> Visible(IQueryable<ExpenseReceipt> all, IKamDb db, ICurrentUser me)
    {
        var claims = db.Read<ExpenseClaim>().Select(c => c.Id);
        return all.Where(r => claims.Contains(r.ClaimId));
    }
}
