using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Expenses;
using Kam.Core.Identity;
using Kam.Core.Targets;
using Kam.Core.Visits;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// The demo department's money: this year's approved budget by category and month (travel partly allocated to each
/// account manager), and three months of claims consistent with the visits: entertainment on the days an account was
/// visited, travel, now and then a gift; the older months paid, last month approved and waiting to be paid, this month
/// under review by the head (one still a draft). What they used and committed of the budget follows from them. At the
/// benchmark's size, <see cref="DemoExpensesAtScale"/> instead.
/// </summary>
public sealed class DemoExpensesStep(KamDbContext db, TimeProvider clock) : ISeedStep
{
    public int Order => 62;

    private static readonly (string Code, decimal Month)[] Plan =
    [
        (ExpenseCategories.PublicRelations, 20_000m), (ExpenseCategories.Entertainment, 15_000m), (ExpenseCategories.TravelCode, 12_000m),
        (ExpenseCategories.Gifts, 5_000m), (ExpenseCategories.Promotion, 10_000m), (ExpenseCategories.Training, 3_000m), (ExpenseCategories.Office, 2_000m),
    ];

    private static readonly string[] Cities = ["广州", "深圳", "上海", "成都", "武汉", "杭州", "佛山"];

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (await db.Unscoped<Budget>().AnyAsync(ct) || !context.Users.TryGetValue("head", out var head) || !context.Users.TryGetValue("assistant", out var assistant))
            return;
        if (context.Options.Scale > 0)
        {
            await new DemoExpensesAtScale(db, clock).RunAsync(context, head.Id, assistant.Id, ct);
            return;
        }
        var managers = await TargetAccess.ActiveManagerIdsAsync(db, ct);
        if (managers.Count == 0)
            return;
        var random = context.Random;
        var now = clock.GetUtcNow();
        var today = BusinessClock.Today(clock);
        var budget = new Budget { Year = today.Year, Status = BudgetStatus.Approved, ApprovedAt = Min(Instant(new DateOnly(today.Year, 1, 5), 10), now), Note = "年度费用预算（经部长、副总经理批准）", CreatedById = assistant.Id };
        db.Unscoped<Budget>().Add(budget);
        foreach (var (code, perMonth) in Plan)
        {
            for (var m = 1; m <= 12; m++)
            {
                db.Unscoped<BudgetLine>().Add(new BudgetLine { BudgetId = budget.Id, Category = code, Month = m, Amount = perMonth });
                budget.Total += perMonth;
                if (code == ExpenseCategories.TravelCode)
                {
                    foreach (var person in managers.Take(6))
                        db.Unscoped<BudgetLine>().Add(new BudgetLine { BudgetId = budget.Id, Category = code, Month = m, PersonId = person, Amount = 1_500m });
                }
            }
        }

        var usage = new Dictionary<(int Year, int Month, string Category, Guid Person), (decimal Committed, decimal Used)>();
        var sequences = new Dictionary<int, int>();
        var from = today.AddDays(-80);
        foreach (var (person, index) in managers.Take(8).Select((p, i) => (p, i)))
        {
            var visits = await db.Unscoped<Visit>().AsNoTracking()
                .Where(v => v.UserId == person && v.Status == VisitStatus.Done && v.Date >= from && v.Date <= today)
                .OrderByDescending(v => v.Date).Take(12).Select(v => new { v.AccountId, v.Date }).ToListAsync(ct);
            foreach (var month in visits.GroupBy(v => new DateOnly(v.Date.Year, v.Date.Month, 1)).OrderBy(g => g.Key))
            {
                var thisMonth = month.Key.Year == today.Year && month.Key.Month == today.Month;
                var lastMonth = month.Key.AddMonths(1) is var after && after.Year == today.Year && after.Month == today.Month;
                var status = thisMonth ? (index == 2 ? ClaimStatus.Draft : ClaimStatus.Submitted) : lastMonth ? ClaimStatus.Approved : ClaimStatus.Paid;
                var year = month.Key.Year;
                sequences[year] = sequences.GetValueOrDefault(year) + 1;
                var claim = new ExpenseClaim
                {
                    Number = $"BX-{year}-{sequences[year]:000000}",
                    ClaimantId = person,
                    Title = $"{month.Key.Month}月客户拜访及差旅费用",
                    Status = status,
                    SubmittedAt = status == ClaimStatus.Draft ? null : Instant(month.Key.AddMonths(1) > today ? today : month.Key.AddMonths(1).AddDays(-1), 18),
                    CreatedById = person,
                };
                var lines = new List<ExpenseLine>();
                void Line(DateOnly date, string category, decimal amount, string description, Guid? account, string? city = null, int? nights = null) => lines.Add(new ExpenseLine
                {
                    ClaimId = claim.Id,
                    ClaimantId = person,
                    Order = lines.Count,
                    Date = date,
                    Category = category,
                    Amount = amount,
                    Description = description,
                    InvoiceNumber = string.Concat(Enumerable.Range(0, 20).Select(_ => (char)('0' + random.Next(10)))),
                    AccountId = account,
                    City = city,
                    Nights = nights,
                    Counted = status is ClaimStatus.Approved or ClaimStatus.Paid,
                });
                foreach (var visit in month)
                    Line(visit.Date, ExpenseCategories.Entertainment, 200m + random.Next(13) * 50m, "拜访后工作餐", visit.AccountId);
                var trip = month.First();
                Line(trip.Date, ExpenseCategories.TravelCode, 400m + random.Next(20) * 30m, "往返交通及住宿", null, Cities[random.Next(Cities.Length)], 1 + random.Next(2));
                if (random.Next(3) == 0)
                    Line(month.Last().Date, ExpenseCategories.Gifts, 300m + random.Next(8) * 100m, "节日礼品", month.Last().AccountId);
                claim.Total = lines.Sum(l => l.Amount);
                if (status is ClaimStatus.Paid)
                    (claim.PaidOn, claim.PaymentReference, claim.PaidById, claim.DecidedAt) = (Min(month.Key.AddMonths(1).AddDays(9), today), $"FK-{year}{month.Key.Month:00}-{index + 1:000}", assistant.Id, claim.SubmittedAt?.AddDays(2));
                else if (status == ClaimStatus.Approved)
                    claim.DecidedAt = claim.SubmittedAt?.AddDays(1);
                db.Unscoped<ExpenseClaim>().Add(claim);
                db.Unscoped<ExpenseLine>().AddRange(lines);
                if (status != ClaimStatus.Draft)
                {
                    foreach (var l in lines)
                        db.Unscoped<InvoiceRegistration>().Add(new InvoiceRegistration { Key = l.InvoiceNumber!, ClaimId = claim.Id });
                    claim.ApprovalId = Approval(claim, head.Id, status);
                    foreach (var l in lines)
                    {
                        foreach (var who in new[] { Guid.Empty, person })
                        {
                            var key = (l.Date.Year, l.Date.Month, l.Category, who);
                            var (committed, used) = usage.GetValueOrDefault(key);
                            usage[key] = status == ClaimStatus.Submitted ? (committed + l.Amount, used) : (committed, used + l.Amount);
                        }
                    }
                }
            }
        }
        foreach (var ((year, month, category, who), (committed, used)) in usage)
            db.Unscoped<BudgetUsage>().Add(new BudgetUsage { Year = year, Month = month, Category = category, PersonId = who, Committed = committed, Used = used });
        foreach (var (year, last) in sequences)
        {
            var key = $"claim:{year}";
            if (!await db.Unscoped<NumberSequence>().AnyAsync(s => s.Key == key, ct))
                db.Unscoped<NumberSequence>().Add(new NumberSequence { Key = key, Last = last });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The claim's approval by the head: decided for an approved or paid claim, waiting for a submitted one.</summary>
    private Guid Approval(ExpenseClaim claim, Guid head, ClaimStatus status)
    {
        var decided = status != ClaimStatus.Submitted;
        var request = new ApprovalRequest
        {
            DocumentType = ApprovalDocuments.ExpenseClaim,
            DocumentId = claim.Id,
            Title = $"{claim.Number} {claim.Title}",
            Amount = claim.Total,
            SubmitterId = claim.ClaimantId,
            SubmittedAt = claim.SubmittedAt!.Value,
            Status = decided ? ApprovalStatus.Approved : ApprovalStatus.Pending,
            ClosedAt = decided ? claim.DecidedAt : null,
            CreatedById = claim.ClaimantId,
        };
        request.Steps.Add(new ApprovalStep
        {
            RequestId = request.Id,
            Order = 0,
            ApproverRole = Roles.Head,
            Reason = "always",
            Status = decided ? ApprovalStepStatus.Approved : ApprovalStepStatus.Pending,
            DeciderId = decided ? head : null,
            DecidedAt = decided ? claim.DecidedAt : null,
            Comment = decided ? "同意" : null,
        });
        db.Unscoped<ApprovalRequest>().Add(request);
        return request.Id;
    }

    private static DateTimeOffset Instant(DateOnly day, int hour) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
