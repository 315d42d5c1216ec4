using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Ledger;
using Kam.Core.Opportunities;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Expenses;

/// <summary>Lists and shows claims in the reader's scope: their own for an account manager, every claim for the head,
/// the assistant and the executive. The approver's view adds the budget each line spends against and the account's
/// spend this year against what it brought in (from the ledger).</summary>
public sealed class GetClaims(IKamDb db, ICurrentUser me, ExpenseCategories categories, BudgetControl control, Settings settings, TimeProvider clock)
{
    public async Task<Result<PagedResult<ExpenseClaimRow>>> List(ExpenseClaimQuery query, CancellationToken ct = default)
    {
        var claims = Filter(db.Read<ExpenseClaim>().AsNoTracking(), query, out var invalid);
        if (invalid is not null)
            return invalid;
        var paging = new PageRequest(query.Page, query.PageSize, query.Sort);
        var total = await claims.CappedCountAsync(ct);
        var sorted = paging.SortField switch
        {
            "total" => paging.Descending ? claims.OrderByDescending(c => c.Total) : claims.OrderBy(c => c.Total),
            "number" => paging.Descending ? claims.OrderByDescending(c => c.Number) : claims.OrderBy(c => c.Number),
            "submittedAt" => paging.Descending ? claims.OrderByDescending(c => c.SubmittedAt) : claims.OrderBy(c => c.SubmittedAt),
            _ => paging.Descending || paging.SortField is null ? claims.OrderByDescending(c => c.CreatedAt) : claims.OrderBy(c => c.CreatedAt),
        };
        var rows = await sorted.PageOf(paging).Select(c => new ExpenseClaimRow(c.Id, c.Number, c.Title, c.ClaimantId,
            db.Unscoped<User>().Where(u => u.Id == c.ClaimantId).Select(u => u.DisplayName).FirstOrDefault() ?? "", c.Status, c.Total,
            db.Unscoped<ExpenseLine>().Count(l => l.ClaimId == c.Id), c.CreatedAt, c.SubmittedAt, c.PaidOn, c.PaymentReference, c.Warnings != null)).ToListAsync(ct);
        return new PagedResult<ExpenseClaimRow>(rows, total);
    }

    /// <summary>The claims of a query (for the list and its export).</summary>
    public IQueryable<ExpenseClaim> Filter(IQueryable<ExpenseClaim> claims, ExpenseClaimQuery query, out Error? invalid)
    {
        invalid = null;
        if (query.Status is { Length: > 0 } status)
        {
            if (!Enum.TryParse<ClaimStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                invalid = Error.Validation("status", "field.invalid");
                return claims;
            }
            claims = claims.Where(c => c.Status == s);
        }
        if (query.Claimant is { } claimant)
            claims = claims.Where(c => c.ClaimantId == claimant);
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), BusinessClock.Zone.GetUtcOffset(from.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            claims = claims.Where(c => c.CreatedAt >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), BusinessClock.Zone.GetUtcOffset(to.ToDateTime(TimeOnly.MinValue))).ToUniversalTime();
            claims = claims.Where(c => c.CreatedAt < end);
        }
        if (query.Category is { Length: > 0 } category)
            claims = claims.Where(c => db.Unscoped<ExpenseLine>().Any(l => l.ClaimId == c.Id && l.Category == category));
        if (query.Account is { } account)
            claims = claims.Where(c => db.Unscoped<ExpenseLine>().Any(l => l.ClaimId == c.Id && l.AccountId == account));
        if (query.Search?.Trim() is { Length: > 0 } search)
        {
            if (search.Length > 100)
            {
                invalid = Error.Validation("search", "field.too_long", 0, 100);
                return claims;
            }
            // A claim's number as printed (BX-2026-000123) or a word of its title.
            var pattern = "%" + Like.Escape(search) + "%";
            var number = search.ToUpperInvariant();
            claims = claims.Where(c => c.Number == number || EF.Functions.Like(c.Title, pattern, Like.EscapeCharacter));
        }
        return claims;
    }

    public async Task<Result<ExpenseClaimView>> Get(Guid id, CancellationToken ct = default)
    {
        var claim = await db.Read<ExpenseClaim>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (claim is null)
            return Error.NotFound("expense.claim_not_found");
        var lines = await db.Unscoped<ExpenseLine>().AsNoTracking().Where(l => l.ClaimId == id).OrderBy(l => l.Order).ToListAsync(ct);
        var known = (await categories.GetAsync(ct)).ToDictionary(c => c.Code);
        var accountIds = lines.Where(l => l.AccountId is not null).Select(l => l.AccountId!.Value).Distinct().ToList();
        // Account names through the archive's scope: a line about an account the reader cannot see shows no name.
        var accountNames = await db.Read<Account>().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var projectIds = lines.Where(l => l.OpportunityId is not null).Select(l => l.OpportunityId!.Value).Distinct().ToList();
        var projectNames = await db.Read<Opportunity>().Where(o => projectIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var activityIds = lines.Where(l => l.ActivityId is not null).Select(l => l.ActivityId!.Value).Distinct().ToList();
        var activityTitles = await db.Read<Activity>().Where(a => activityIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Title, ct);
        var receipts = await db.Unscoped<ExpenseReceipt>().AsNoTracking().Where(r => r.ClaimId == id).OrderBy(r => r.CreatedAt)
            .Select(r => new ExpenseReceiptView(r.Id, r.FileName, r.ContentType, r.Size)).ToListAsync(ct);
        var claimant = await db.Unscoped<User>().Where(u => u.Id == claim.ClaimantId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var department = DataScope.SeesAllAccounts(me);
        IReadOnlyList<LineBudgetView> budget = [];
        IReadOnlyList<AccountSpendView> spend = [];
        if (department)
        {
            var cells = await control.CellsAsync(lines, ct);
            // Once decided the claim is part of "used"; what remained before it is the budget less the others.
            var decided = claim.Status is ClaimStatus.Approved or ClaimStatus.Paid;
            var pending = claim.Status == ClaimStatus.Submitted;
            budget = cells.Select(c => new LineBudgetView(c.Year, c.Month, c.Category, ExpenseCategories.NameOf(c.Rule, c.Category), c.Budget,
                c.Committed - (pending ? c.ThisClaim : 0), c.Used - (decided ? c.ThisClaim : 0),
                c.Budget - c.Committed - c.Used + (pending || decided ? c.ThisClaim : 0), c.ThisClaim, c.Rule?.OverRule ?? OverBudgetRule.Warn, c.Rule?.AlertPercent ?? 80)).ToList();
            spend = await SpendAsync(accountIds, accountNames, ct);
        }
        var lineViews = lines.Select(l => new ExpenseLineView(l.Id, l.Date, l.Category, ExpenseCategories.NameOf(known.GetValueOrDefault(l.Category), l.Category), l.Amount,
            l.Description, l.InvoiceNumber, l.InvoiceCode, l.AccountId, l.AccountId is { } a ? accountNames.GetValueOrDefault(a) : null, l.VisitId, l.OpportunityId,
            l.OpportunityId is { } o ? projectNames.GetValueOrDefault(o) : null, l.City, l.Nights, l.ReceiptId,
            receipts.FirstOrDefault(r => r.Id == l.ReceiptId)?.FileName, l.ActivityId,
            l.ActivityId is { } act ? activityTitles.GetValueOrDefault(act) : null)).ToList();
        return new ExpenseClaimView(claim.Id, claim.Number, claim.Title, claim.ClaimantId, claimant, claim.Status, claim.Total, claim.Justification,
            Warnings(claim.Warnings, known), claim.CreatedAt, claim.SubmittedAt, claim.PaidOn, claim.PaymentReference, claim.ApprovalId, claim.Version,
            claim.ClaimantId == me.Id && claim.Status is ClaimStatus.Draft or ClaimStatus.Rejected,
            claim.Status == ClaimStatus.Approved && ExpenseAccess.Pays(me), lineViews, budget, spend, receipts);
    }

    /// <summary>The visits (the last 90 days, not cancelled) and open or won projects of an account the reader may see.</summary>
    /// <summary>What was spent on an account: the year's figures and the counted lines, newest first (404 for an account
    /// the reader may not see).</summary>
    public async Task<Result<AccountExpensesView>> ForAccount(Guid accountId, int? page, int? pageSize, CancellationToken ct = default)
    {
        var name = await db.Read<Account>().Where(a => a.Id == accountId).Select(a => a.Name).FirstOrDefaultAsync(ct);
        if (name is null)
            return Error.NotFound("account.not_found");
        var paging = new PageRequest(page ?? 1, pageSize ?? 10, null);
        var visibleClaims = db.Read<ExpenseClaim>().Select(c => c.Id);
        var lines = db.Unscoped<ExpenseLine>().AsNoTracking().Where(l => l.AccountId == accountId && l.Counted && visibleClaims.Contains(l.ClaimId));
        var total = await lines.CountAsync(ct);
        var rows = await lines.OrderByDescending(l => l.Date).ThenBy(l => l.Id).PageOf(paging).Select(l => new
        {
            l.ClaimId,
            Number = db.Unscoped<ExpenseClaim>().Where(c => c.Id == l.ClaimId).Select(c => c.Number).FirstOrDefault() ?? "",
            l.Date,
            l.Category,
            l.Amount,
            l.Description,
            l.ClaimantId,
            Claimant = db.Unscoped<User>().Where(u => u.Id == l.ClaimantId).Select(u => u.DisplayName).FirstOrDefault() ?? "",
            l.VisitId,
            l.OpportunityId,
            l.ActivityId,
        }).ToListAsync(ct);
        var known = (await categories.GetAsync(ct)).ToDictionary(c => c.Code);
        var spend = (await SpendAsync([accountId], new Dictionary<Guid, string> { [accountId] = name }, ct))[0];
        return new AccountExpensesView(clock.Today().Year, spend.SpentThisYear, spend.CollectedThisYear, spend.SignedThisYear, new PagedResult<AccountExpenseRow>(rows.Select(r =>
            new AccountExpenseRow(r.ClaimId, r.Number, r.Date, r.Category, known.TryGetValue(r.Category, out var c) ? ExpenseCategories.NameOf(c, r.Category) : r.Category,
                r.Amount, r.Description, r.ClaimantId, r.Claimant, r.VisitId, r.OpportunityId, r.ActivityId)).ToList(), total));
    }

    public async Task<LineChoices> Choices(Guid accountId, CancellationToken ct = default)
    {
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId, ct))
            return new LineChoices([], []);
        var since = clock.Today().AddDays(-await settings.GetAsync(SaveClaim.MaxAgeKey, SaveClaim.DefaultMaxAgeDays, ct));
        var visits = await db.Read<Visits.Visit>().Where(v => v.AccountId == accountId && v.Date >= since && v.Status != Visits.VisitStatus.Cancelled)
            .OrderByDescending(v => v.Date).Take(30).Select(v => new { v.Id, v.Date, v.Purpose }).ToListAsync(ct);
        var projects = await db.Read<Opportunity>().Where(o => o.AccountId == accountId).OrderByDescending(o => o.CreatedAt).Take(30)
            .Select(o => new LineChoice(o.Id, o.Name)).ToListAsync(ct);
        return new LineChoices(visits.Select(v => new LineChoice(v.Id, $"{v.Date:yyyy-MM-dd} {v.Purpose}".Trim())).ToList(), projects);
    }

    private async Task<IReadOnlyList<AccountSpendView>> SpendAsync(List<Guid> accountIds, Dictionary<Guid, string> names, CancellationToken ct)
    {
        if (accountIds.Count == 0)
            return [];
        var today = clock.Today();
        var start = new DateOnly(today.Year, 1, 1);
        var metrics = new[] { LedgerMetric.Expense, LedgerMetric.Collected, LedgerMetric.Signed };
        var sums = await db.Unscoped<LedgerFact>().Where(f => accountIds.Contains(f.AccountId) && metrics.Contains(f.Metric) && f.Day >= start && f.Day <= today)
            .GroupBy(f => new { f.AccountId, f.Metric }).Select(g => new { g.Key.AccountId, g.Key.Metric, Fen = g.Sum(f => f.Fen) }).ToListAsync(ct);
        decimal Sum(Guid account, LedgerMetric metric) => Fen.ToYuan(sums.Where(s => s.AccountId == account && s.Metric == metric).Sum(s => s.Fen));
        return accountIds.Where(names.ContainsKey).Select(a => new AccountSpendView(a, names[a], Sum(a, LedgerMetric.Expense), Sum(a, LedgerMetric.Collected),
            Sum(a, LedgerMetric.Signed))).ToList();
    }

    internal static IReadOnlyList<ClaimWarningView> Warnings(string? stored, IReadOnlyDictionary<string, ExpenseCategory> known) =>
        (stored ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(w =>
        {
            var parts = w.Split('|');
            var args = parts.Skip(1).Select(a => (object?)(known.TryGetValue(a, out var c) ? ExpenseCategories.NameOf(c, a) : a)).ToArray();
            return new ClaimWarningView(parts[0], Text.Get(parts[0], args));
        }).ToList();
}
