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
        await ActivitiesAsync(head.Id, assistant.Id, context.Users.TryGetValue("exec", out var exec) ? exec.Id : head.Id, managers, today, usage, sequences, ct);
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

    /// <summary>
    /// The PR expense plan: a product presentation for design institutes held three weeks ago (paid for by the head's
    /// claim, its outcome recorded), a dealers' order fair approved for next month, a planning-bureau talk still a draft.
    /// </summary>
    private async Task ActivitiesAsync(Guid head, Guid assistant, Guid executive, IReadOnlyList<Guid> managers, DateOnly today,
        Dictionary<(int Year, int Month, string Category, Guid Person), (decimal Committed, decimal Used)> usage, Dictionary<int, int> sequences, CancellationToken ct)
    {
        var accounts = await db.Unscoped<Kam.Core.Accounts.Account>().AsNoTracking().Where(a => managers.Contains(a.OwnerId) && a.ArchivedAt == null)
            .OrderBy(a => a.Id).Take(3).Select(a => a.Id).ToListAsync(ct);
        Activity Add(string title, ActivityKind kind, string purpose, string audience, DateOnly date, ActivityStatus status, params (string Category, decimal Amount)[] costs)
        {
            var activity = new Activity
            {
                Title = title,
                Kind = kind,
                Purpose = purpose,
                Audience = audience,
                Date = date,
                Place = "公司展厅",
                OwnerId = head,
                Status = status,
                PlannedTotal = costs.Sum(c => c.Amount),
                CreatedById = assistant,
            };
            db.Unscoped<Activity>().Add(activity);
            foreach (var (category, amount) in costs)
                db.Unscoped<ActivityCost>().Add(new ActivityCost { ActivityId = activity.Id, Category = category, Amount = amount });
            foreach (var account in accounts)
                db.Unscoped<ActivityAccount>().Add(new ActivityAccount { ActivityId = activity.Id, AccountId = account });
            return activity;
        }
        var held = today.AddDays(-21);
        var presentation = Add("设计院新品推介会", ActivityKind.PublicRelations, "向重点设计院推介新系列，争取进入项目选型", "设计院总工、项目负责人", held,
            ActivityStatus.Done, (ExpenseCategories.PublicRelations, 8_000m), (ExpenseCategories.Gifts, 2_000m));
        presentation.Outcome = "到场 12 家设计院，3 家同意将新系列纳入在建项目选型。";
        presentation.DoneAt = Instant(held.AddDays(2), 17);
        presentation.ApprovalId = Decided(presentation.Id, ApprovalDocuments.Activity, $"{held:yyyy-MM-dd} {presentation.Title}", presentation.PlannedTotal, assistant, head, held.AddDays(-20));
        var fair = Add("经销商春季订货会", ActivityKind.Promotion, "发布新品与返利政策，锁定经销商下季度订货", "区域经销商", today.AddDays(25),
            ActivityStatus.Approved, (ExpenseCategories.Promotion, 30_000m), (ExpenseCategories.Entertainment, 6_000m));
        fair.ApprovalId = Decided(fair.Id, ApprovalDocuments.Activity, $"{fair.Date:yyyy-MM-dd} {fair.Title}", fair.PlannedTotal, assistant, head, today.AddDays(-3));
        Add("规划局政策座谈", ActivityKind.PublicRelations, "了解旧城改造政策与项目节奏", "规划局、住建局相关处室", today.AddDays(40),
            ActivityStatus.Draft, (ExpenseCategories.PublicRelations, 5_000m));

        // What the presentation cost, on the head's claim, approved by the executive and paid.
        var year = held.Year;
        sequences[year] = sequences.GetValueOrDefault(year) + 1;
        var claim = new ExpenseClaim
        {
            Number = $"BX-{year}-{sequences[year]:000000}",
            ClaimantId = head,
            Title = "设计院新品推介会费用",
            Status = ClaimStatus.Paid,
            SubmittedAt = Instant(held.AddDays(1), 18),
            DecidedAt = Instant(held.AddDays(2), 10),
            PaidOn = held.AddDays(5),
            PaymentReference = $"FK-{year}-PR01",
            PaidById = assistant,
            CreatedById = head,
        };
        (string Category, decimal Amount, string Text)[] items = [(ExpenseCategories.PublicRelations, 7_600m, "场地及茶歇"), (ExpenseCategories.Gifts, 2_300m, "伴手礼")];
        foreach (var (item, n) in items.Select((x, i) => (x, i)))
        {
            var invoice = $"{year}{held.Month:00}{held.Day:00}880000000{n + 1:00}";
            db.Unscoped<ExpenseLine>().Add(new ExpenseLine
            {
                ClaimId = claim.Id,
                ClaimantId = head,
                Order = n,
                Date = held,
                Category = item.Category,
                Amount = item.Amount,
                Description = item.Text,
                InvoiceNumber = invoice,
                AccountId = accounts.FirstOrDefault() is { } a && a != Guid.Empty ? a : null,
                ActivityId = presentation.Id,
                Counted = true,
            });
            db.Unscoped<InvoiceRegistration>().Add(new InvoiceRegistration { Key = invoice, ClaimId = claim.Id });
            foreach (var who in new[] { Guid.Empty, head })
            {
                var key = (held.Year, held.Month, item.Category, who);
                var (committed, used) = usage.GetValueOrDefault(key);
                usage[key] = (committed, used + item.Amount);
            }
        }
        claim.Total = items.Sum(i => i.Amount);
        db.Unscoped<ExpenseClaim>().Add(claim);
        claim.ApprovalId = Decided(claim.Id, ApprovalDocuments.ExpenseClaim, $"{claim.Number} {claim.Title}", claim.Total, head, executive, held.AddDays(1), Roles.Executive);
    }

    /// <summary>A request approved in one step (by the head, or by the executive for the head's own claim).</summary>
    private Guid Decided(Guid document, string type, string title, decimal amount, Guid submitter, Guid decider, DateOnly on, string role = Roles.Head)
    {
        var at = Instant(on, 10);
        var request = new ApprovalRequest
        {
            DocumentType = type,
            DocumentId = document,
            Title = title,
            Amount = amount,
            SubmitterId = submitter,
            SubmittedAt = at,
            Status = ApprovalStatus.Approved,
            ClosedAt = at.AddHours(4),
            CreatedById = submitter,
        };
        request.Steps.Add(new ApprovalStep
        {
            RequestId = request.Id,
            Order = 0,
            ApproverRole = role,
            Reason = "always",
            Status = ApprovalStepStatus.Approved,
            DeciderId = decider,
            DecidedAt = at.AddHours(4),
            Comment = "同意",
        });
        db.Unscoped<ApprovalRequest>().Add(request);
        return request.Id;
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
