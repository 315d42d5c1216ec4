using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Opportunities;
using Kam.Core.Orders;
using Kam.Core.Visits;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>
/// A member drafts an expense claim and edits it while it is a draft or back from rejection; submitted, approved or paid
/// it is locked (409). Lines are saved whole, in the order given, each checked: a date neither in the future nor older
/// than the limit (setting <see cref="MaxAgeKey"/>, 90 days), an active category, an amount, a description, the invoice's
/// form, the account a PR, entertainment or gift line must name (one the claimant may see), the visit or project it
/// served (of that account), the receipt (of this claim).
/// </summary>
public sealed class SaveClaim(IKamDb db, ICurrentUser me, ExpenseCategories categories, Settings settings, OrderNumbers numbers, TimeProvider clock)
{
    public const string MaxAgeKey = "expenses.max_age_days";
    public const int DefaultMaxAgeDays = 90;
    public const int MaxLines = 50;

    public async Task<Result<Guid>> Create(ExpenseClaimInput input, CancellationToken ct = default)
    {
        if (!ExpenseAccess.Claims(me))
            return Error.Forbidden("expense.claims_forbidden");
        if (await CheckAsync(input, null, ct) is { } invalid)
            return invalid;
        var claim = new ExpenseClaim { ClaimantId = me.Id!.Value, Status = ClaimStatus.Draft };
        claim.Number = await numbers.NextInSeriesAsync("claim", "BX", ct);
        Apply(claim, input);
        db.Unscoped<ExpenseClaim>().Add(claim);
        AddLines(claim, input);
        await db.SaveChangesAsync(ct);
        return claim.Id;
    }

    public async Task<Result> Update(Guid id, ExpenseClaimInput input, CancellationToken ct = default)
    {
        var claim = await db.Read<ExpenseClaim>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
            return Error.NotFound("expense.claim_not_found");
        // Only the claimant edits their claim; the approver decides, never rewrites it.
        if (claim.ClaimantId != me.Id)
            return Error.Forbidden("expense.claim_not_yours");
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Rejected))
            return Error.Conflict("expense.claim_locked");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (await CheckAsync(input, claim.Id, ct) is { } invalid)
            return invalid;
        if (version != claim.Version)
            return Error.Conflict();
        db.Entry(claim).Property(c => c.Version).OriginalValue = version;
        Apply(claim, input);
        claim.Version = Guid.NewGuid();
        db.Unscoped<ExpenseLine>().RemoveRange(await db.Unscoped<ExpenseLine>().Where(l => l.ClaimId == id).ToListAsync(ct));
        AddLines(claim, input);
        // A claim back from rejection lets go of the invoices it no longer claims (a mistyped number blocks nobody).
        var kept = (input.Lines ?? []).Select(l => Invoices.Key(l.InvoiceNumber, l.InvoiceCode)).OfType<string>().ToList();
        db.Unscoped<InvoiceRegistration>().RemoveRange(await db.Unscoped<InvoiceRegistration>().Where(r => r.ClaimId == id && !kept.Contains(r.Key)).ToListAsync(ct));
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>The claimant gives up a draft or a rejected claim: it stays, cancelled, and its invoices may be claimed again.</summary>
    public async Task<Result> Cancel(Guid id, ClaimActionInput input, CancellationToken ct = default)
    {
        var claim = await db.Read<ExpenseClaim>().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
            return Error.NotFound("expense.claim_not_found");
        if (claim.ClaimantId != me.Id)
            return Error.Forbidden("expense.claim_not_yours");
        if (input.Version is { } version && version != claim.Version)
            return Error.Conflict();
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Rejected))
            return Error.Conflict("expense.claim_locked");
        if (input.Version is { } seen)
            db.Entry(claim).Property(c => c.Version).OriginalValue = seen;
        claim.Status = ClaimStatus.Cancelled;
        db.Unscoped<InvoiceRegistration>().RemoveRange(await db.Unscoped<InvoiceRegistration>().Where(r => r.ClaimId == id).ToListAsync(ct));
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private static void Apply(ExpenseClaim claim, ExpenseClaimInput input)
    {
        claim.Title = input.Title!.Trim();
        claim.Justification = string.IsNullOrWhiteSpace(input.Justification) ? null : input.Justification.Trim();
        claim.Total = (input.Lines ?? []).Sum(l => l.Amount!.Value);
    }

    private void AddLines(ExpenseClaim claim, ExpenseClaimInput input)
    {
        var n = 0;
        foreach (var l in input.Lines ?? [])
        {
            db.Unscoped<ExpenseLine>().Add(new ExpenseLine
            {
                ClaimId = claim.Id,
                ClaimantId = claim.ClaimantId,
                Order = n++,
                Date = l.Date!.Value,
                Category = l.Category!.Trim().ToLowerInvariant(),
                Amount = l.Amount!.Value,
                Description = l.Description!.Trim(),
                InvoiceNumber = Invoices.Digits(l.InvoiceNumber),
                InvoiceCode = Invoices.Digits(l.InvoiceCode),
                AccountId = l.AccountId,
                VisitId = l.VisitId,
                OpportunityId = l.OpportunityId,
                City = string.IsNullOrWhiteSpace(l.City) ? null : l.City.Trim(),
                Nights = l.Nights,
                ReceiptId = l.ReceiptId,
                ActivityId = l.ActivityId,
            });
        }
    }

    /// <summary>The claim's fields and every line's, as field errors at their JSON paths.</summary>
    internal async Task<Error?> CheckAsync(ExpenseClaimInput input, Guid? claimId, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Title))
            errors.Add(new FieldError("title", "expense.title_required"));
        else if (input.Title.Trim().Length > 200)
            errors.Add(new FieldError("title", "field.too_long", 0, 200));
        if (input.Justification?.Trim().Length > 1000)
            errors.Add(new FieldError("justification", "field.too_long", 0, 1000));
        var lines = input.Lines ?? [];
        if (lines.Count > MaxLines)
            errors.Add(new FieldError("lines", "expense.too_many_lines", MaxLines));
        var known = (await categories.GetAsync(ct)).Where(c => c.Active).ToDictionary(c => c.Code);
        var today = clock.Today();
        var maxAge = await settings.GetAsync(MaxAgeKey, DefaultMaxAgeDays, ct);
        var accountIds = lines.Where(l => l?.AccountId is not null).Select(l => l.AccountId!.Value).Distinct().ToList();
        var accounts = await db.Read<Account>().Where(a => accountIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        var visitIds = lines.Where(l => l?.VisitId is not null).Select(l => l.VisitId!.Value).Distinct().ToList();
        var visits = await db.Read<Visit>().Where(v => visitIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.AccountId, ct);
        var projectIds = lines.Where(l => l?.OpportunityId is not null).Select(l => l.OpportunityId!.Value).Distinct().ToList();
        var projects = await db.Read<Opportunity>().Where(o => projectIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.AccountId, ct);
        var receiptIds = lines.Where(l => l?.ReceiptId is not null).Select(l => l.ReceiptId!.Value).Distinct().ToList();
        var receipts = claimId is { } cid
            ? await db.Unscoped<ExpenseReceipt>().Where(r => r.ClaimId == cid && receiptIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)
            : [];
        var activityIds = lines.Where(l => l?.ActivityId is not null).Select(l => l.ActivityId!.Value).Distinct().ToList();
        // A line pays for an activity that was approved (or has been held).
        var activities = await db.Read<Activity>().Where(a => activityIds.Contains(a.Id) && (a.Status == ActivityStatus.Approved || a.Status == ActivityStatus.Done))
            .Select(a => a.Id).ToListAsync(ct);
        var invoices = new HashSet<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var at = $"lines[{i}].";
            if (l is null)
            {
                errors.Add(new FieldError($"lines[{i}]", "field.required"));
                continue;
            }
            if (l.Date is not { } date)
                errors.Add(new FieldError(at + "date", "expense.date_required"));
            else if (date > today)
                errors.Add(new FieldError(at + "date", "expense.date_future"));
            else if (date < today.AddDays(-maxAge))
                errors.Add(new FieldError(at + "date", "expense.date_too_old", maxAge));
            var code = l.Category?.Trim().ToLowerInvariant();
            var category = code is null ? null : known.GetValueOrDefault(code);
            if (category is null)
                errors.Add(new FieldError(at + "category", "expense.category_unknown"));
            if (l.Amount is not { } amount || amount <= 0 || !ExpenseAccess.ValidAmount(amount))
                errors.Add(new FieldError(at + "amount", "expense.line_amount_invalid"));
            if (string.IsNullOrWhiteSpace(l.Description))
                errors.Add(new FieldError(at + "description", "expense.description_required"));
            else if (l.Description.Trim().Length > 500)
                errors.Add(new FieldError(at + "description", "field.too_long", 0, 500));
            if (Invoices.Check(l.InvoiceNumber, l.InvoiceCode) is { } invoiceError)
                errors.Add(new FieldError(at + invoiceError.Field, invoiceError.Code));
            else if (Invoices.Key(l.InvoiceNumber, l.InvoiceCode) is { } key && !invoices.Add(key))
                errors.Add(new FieldError(at + "invoiceNumber", "expense.invoice_repeated"));
            if (l.AccountId is { } account && !accounts.Contains(account))
                errors.Add(new FieldError(at + "accountId", "account.not_found"));
            else if (l.AccountId is null && category is { NeedsAccount: true })
                errors.Add(new FieldError(at + "accountId", "expense.account_required", ExpenseCategories.NameOf(category, category.Code)));
            if (l.VisitId is { } visit && (!visits.TryGetValue(visit, out var visitAccount) || (l.AccountId is { } va && va != visitAccount)))
                errors.Add(new FieldError(at + "visitId", "expense.visit_invalid"));
            if (l.OpportunityId is { } project && (!projects.TryGetValue(project, out var projectAccount) || (l.AccountId is { } pa && pa != projectAccount)))
                errors.Add(new FieldError(at + "opportunityId", "expense.opportunity_invalid"));
            if (l.City?.Trim().Length > 50)
                errors.Add(new FieldError(at + "city", "field.too_long", 0, 50));
            if (l.Nights is { } nights && nights is < 0 or > 60)
                errors.Add(new FieldError(at + "nights", "expense.nights_invalid"));
            if (l.ActivityId is { } activity && !activities.Contains(activity))
                errors.Add(new FieldError(at + "activityId", "expense.activity_invalid"));
            if (l.ReceiptId is { } receipt && !receipts.Contains(receipt))
                errors.Add(new FieldError(at + "receiptId", "expense.receipt_invalid"));
        }
        // Duplicates against every claim ever submitted (发票查重); within this claim they were checked above.
        var keys = lines.Where(l => l is not null && Invoices.Check(l.InvoiceNumber, l.InvoiceCode) is null)
            .Select(l => Invoices.Key(l.InvoiceNumber, l.InvoiceCode)).OfType<string>().Distinct().ToList();
        if (keys.Count > 0)
        {
            var taken = await db.Unscoped<InvoiceRegistration>().Where(r => keys.Contains(r.Key) && r.ClaimId != claimId).Select(r => new { r.Key, r.ClaimId }).ToListAsync(ct);
            foreach (var t in taken)
            {
                var index = lines.ToList().FindIndex(l => l is not null && Invoices.Key(l.InvoiceNumber, l.InvoiceCode) == t.Key);
                // The earlier claim is named to those who may see it.
                var number = await db.Read<ExpenseClaim>().Where(c => c.Id == t.ClaimId).Select(c => c.Number).FirstOrDefaultAsync(ct);
                errors.Add(number is null
                    ? new FieldError($"lines[{index}].invoiceNumber", "expense.invoice_claimed")
                    : new FieldError($"lines[{index}].invoiceNumber", "expense.invoice_claimed_in", number));
            }
        }
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}

/// <summary>Chinese invoices as claimed: a digital invoice (全电发票) has a 20-digit number; the older kind a 10- or
/// 12-digit code and an 8-digit number.</summary>
public static class Invoices
{
    public static string? Digits(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : new string(text.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());

    public static (string Field, string Code)? Check(string? number, string? code)
    {
        var n = Digits(number);
        var c = Digits(code);
        if (n is null && c is null)
            return null;
        if (n is null)
            return ("invoiceNumber", "expense.invoice_number_required");
        if (!n.All(char.IsAsciiDigit) || (c is not null && !c.All(char.IsAsciiDigit)))
            return ("invoiceNumber", "expense.invoice_format");
        if (c is null)
            return n.Length == 20 ? null : ("invoiceNumber", n.Length == 8 ? "expense.invoice_code_required" : "expense.invoice_format");
        if (c.Length is not (10 or 12))
            return ("invoiceCode", "expense.invoice_code_format");
        return n.Length == 8 ? null : ("invoiceNumber", "expense.invoice_format");
    }

    /// <summary>The key an invoice is registered under, or null for a line without one.</summary>
    public static string? Key(string? number, string? code) =>
        Digits(number) is { } n ? (Digits(code) is { } c ? $"{c}-{n}" : n) : null;
}
