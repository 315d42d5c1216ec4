using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Expenses;
using Kam.Core.Identity;
using Kam.Core.Visits;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// The department's money at the benchmark's size (<c>seed-demo --scale 50000</c>): from the two years of visits, one
/// in seven done visits gives an entertainment line at that account on that day (about 150,000 lines), each person's
/// month a travel line and now and then a gift, in claims of at most ten lines; paid before last month, approved last
/// month, under review this month. Each year has an approved budget a tenth above what was spent, and the usage
/// follows from the claims. Written in bulk; the ledger is rebuilt after the seed.
/// </summary>
internal sealed class DemoExpensesAtScale(KamDbContext db, TimeProvider clock)
{
    private const int LinesPerClaim = 10;

    public async Task RunAsync(SeedContext context, Guid headId, Guid assistantId, CancellationToken ct)
    {
        var random = new Random(context.Options.RandomSeed + 15);
        var now = clock.GetUtcNow();
        var today = BusinessClock.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var visits = await db.Unscoped<Visit>().AsNoTracking().Where(v => v.Status == VisitStatus.Done && v.Date <= today)
            .OrderBy(v => v.UserId).ThenBy(v => v.Date).Select(v => new { v.UserId, v.AccountId, v.Date }).ToListAsync(ct);
        var claims = new List<ExpenseClaim>();
        var lines = new List<ExpenseLine>();
        var registrations = new List<InvoiceRegistration>();
        var requests = new List<ApprovalRequest>();
        var steps = new List<ApprovalStep>();
        var usage = new Dictionary<(int Year, int Month, string Category, Guid Person), (decimal Committed, decimal Used)>();
        var sequences = new Dictionary<int, int>();
        var invoices = new HashSet<string>();

        foreach (var month in visits.Where(_ => random.Next(7) == 0).GroupBy(v => (v.UserId, Month: new DateOnly(v.Date.Year, v.Date.Month, 1))))
        {
            var (person, first) = month.Key;
            var status = first == thisMonth ? ClaimStatus.Submitted : first.AddMonths(1) == thisMonth ? ClaimStatus.Approved : ClaimStatus.Paid;
            var items = month.Select(v => (v.Date, Category: ExpenseCategories.Entertainment, Amount: 200m + random.Next(13) * 50m, Account: (Guid?)v.AccountId,
                Description: "拜访后工作餐")).ToList();
            items.Add((month.First().Date, ExpenseCategories.TravelCode, 400m + random.Next(20) * 30m, null, "往返交通及住宿"));
            if (random.Next(3) == 0)
                items.Add((month.Last().Date, ExpenseCategories.Gifts, 300m + random.Next(8) * 100m, month.Last().AccountId, "节日礼品"));
            foreach (var chunk in items.Chunk(LinesPerClaim))
            {
                var year = first.Year;
                sequences[year] = sequences.GetValueOrDefault(year) + 1;
                var submitted = Instant(Min(first.AddMonths(1).AddDays(-1), today), 18);
                var decided = submitted.AddDays(1);
                var claim = Stamp(new ExpenseClaim
                {
                    Id = Guid.CreateVersion7(submitted),
                    Number = $"BX-{year}-{sequences[year]:000000}",
                    ClaimantId = person,
                    Title = $"{first.Month}月客户拜访费用",
                    Status = status,
                    SubmittedAt = submitted,
                    DecidedAt = status == ClaimStatus.Submitted ? null : decided,
                    Total = chunk.Sum(i => i.Amount),
                }, submitted.AddHours(-1), person, status == ClaimStatus.Submitted ? submitted : decided);
                if (status == ClaimStatus.Paid)
                    (claim.PaidOn, claim.PaymentReference, claim.PaidById) = (Min(first.AddMonths(1).AddDays(9), today), $"FK-{year}{first.Month:00}-{sequences[year]:00000}", assistantId);
                claims.Add(claim);
                var order = 0;
                foreach (var item in chunk)
                {
                    string invoice;
                    do
                    {
                        invoice = string.Concat(Enumerable.Range(0, 20).Select(_ => (char)('0' + random.Next(10))));
                    }
                    while (!invoices.Add(invoice));
                    lines.Add(Stamp(new ExpenseLine
                    {
                        ClaimId = claim.Id,
                        ClaimantId = person,
                        Order = order++,
                        Date = item.Date,
                        Category = item.Category,
                        Amount = item.Amount,
                        Description = item.Description,
                        InvoiceNumber = invoice,
                        AccountId = item.Account,
                        Counted = status != ClaimStatus.Submitted,
                    }, claim.CreatedAt, person));
                    registrations.Add(Stamp(new InvoiceRegistration { Key = invoice, ClaimId = claim.Id }, submitted, person));
                    foreach (var who in new[] { Guid.Empty, person })
                    {
                        var key = (item.Date.Year, item.Date.Month, item.Category, who);
                        var (committed, used) = usage.GetValueOrDefault(key);
                        usage[key] = status == ClaimStatus.Submitted ? (committed + item.Amount, used) : (committed, used + item.Amount);
                    }
                }
                var request = Stamp(new ApprovalRequest
                {
                    Id = Guid.CreateVersion7(submitted),
                    DocumentType = ApprovalDocuments.ExpenseClaim,
                    DocumentId = claim.Id,
                    Title = $"{claim.Number} {claim.Title}",
                    Amount = claim.Total,
                    SubmitterId = person,
                    SubmittedAt = submitted,
                    Status = status == ClaimStatus.Submitted ? ApprovalStatus.Pending : ApprovalStatus.Approved,
                    ClosedAt = claim.DecidedAt,
                }, submitted, person);
                requests.Add(request);
                claim.ApprovalId = request.Id;
                steps.Add(Stamp(new ApprovalStep
                {
                    RequestId = request.Id,
                    Order = 0,
                    ApproverRole = Roles.Head,
                    Reason = "always",
                    Status = status == ClaimStatus.Submitted ? ApprovalStepStatus.Pending : ApprovalStepStatus.Approved,
                    DeciderId = status == ClaimStatus.Submitted ? null : headId,
                    DecidedAt = claim.DecidedAt,
                    Comment = status == ClaimStatus.Submitted ? null : "同意",
                }, submitted, person));
            }
        }

        // A budget for each year spent in, a tenth above the department's spending per category and month.
        var budgets = new List<Budget>();
        var budgetLines = new List<BudgetLine>();
        foreach (var year in usage.Keys.Select(k => k.Year).Distinct().Order())
        {
            var approved = Instant(new DateOnly(year, 1, 5), 10);
            var budget = Stamp(new Budget { Year = year, Status = BudgetStatus.Approved, ApprovedAt = approved < now ? approved : now, Note = "年度费用预算" }, approved, assistantId);
            foreach (var ((_, month, category, _), (committed, used)) in usage.Where(u => u.Key.Year == year && u.Key.Person == Guid.Empty))
            {
                var amount = Math.Ceiling((committed + used) * 1.1m / 1000m) * 1000m;
                budget.Total += amount;
                budgetLines.Add(Stamp(new BudgetLine { BudgetId = budget.Id, Category = category, Month = month, Amount = amount }, approved, assistantId));
            }
            budgets.Add(budget);
        }
        var usages = usage.Select(u => Stamp(new BudgetUsage
        {
            Year = u.Key.Year,
            Month = u.Key.Month,
            Category = u.Key.Category,
            PersonId = u.Key.Person,
            Committed = u.Value.Committed,
            Used = u.Value.Used
        }, now, headId)).ToList();
        var existing = await db.Unscoped<NumberSequence>().AsNoTracking().Select(s => s.Key).ToListAsync(ct);
        var counters = sequences.Where(s => !existing.Contains($"claim:{s.Key}"))
            .Select(s => Stamp(new NumberSequence { Key = $"claim:{s.Key}", Last = s.Value }, now, assistantId)).ToList();

        await using var writer = new BulkWriter(db);
        await writer.WriteAsync(budgets, ct);
        await writer.WriteAsync(budgetLines, ct);
        await writer.WriteAsync(claims, ct);
        await writer.WriteAsync(lines, ct);
        await writer.WriteAsync(registrations, ct);
        await writer.WriteAsync(requests, ct);
        await writer.WriteAsync(steps, ct);
        await writer.WriteAsync(usages, ct);
        await writer.WriteAsync(counters, ct);
    }

    private static T Stamp<T>(T entity, DateTimeOffset created, Guid by, DateTimeOffset? updated = null)
        where T : Entity
    {
        entity.CreatedAt = created;
        entity.CreatedById = by;
        entity.UpdatedAt = updated ?? created;
        entity.UpdatedById = by;
        return entity;
    }

    private static DateTimeOffset Instant(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
