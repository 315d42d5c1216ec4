using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Kam.Core.Opportunities;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Core.Users;
using Kam.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// The department's deals over the last two years up to today (Asia/Shanghai): a product catalogue, cooperation
/// projects in every stage (won ones linked to their contract, lost ones with a reason), contracts of every kind and
/// status with supplementary agreements under their parents (the parents' effective amount and end include them),
/// approval requests whose steps agree with the statuses, orders with lines under contracts and without, shipments
/// (with make-ups), payment plans of the contracts, the orders' own receivables, and payments: most of the history
/// collected, a realistic open set, and overdue receivables in every aging bucket. Numbers follow the series
/// KA-yyyy-0001 / SO-yyyy-000001 / SH-yyyy-000001 in order of creation, and <see cref="NumberSequence"/> holds the
/// last of each so the features continue them. The demo department gets ~150 contracts and ~800 orders; at
/// <see cref="DemoOptions.Scale"/> accounts, 2 contracts and 10 orders per account (100,000 and 500,000 for 50,000),
/// written by <see cref="BulkWriter"/>. Each account's deals come from its own random source seeded by its name.
/// Runs only while there are no projects, contracts and orders. Approval requests are written only for the document
/// types whose <see cref="IApprovalDocument"/> is registered (the approvals pages cannot show a request without one).
/// </summary>
public sealed class DemoDealsStep(KamDbContext db, TimeProvider clock, IEnumerable<IApprovalDocument> documents, ILogger<DemoDealsStep> logger) : ISeedStep
{
    public const int DemoContracts = 150;
    public const int DemoOrders = 800;
    public const int DemoOpportunities = 160;

    public int Order => 40;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (!context.Users.TryGetValue("head", out var head) || !context.Users.TryGetValue("exec", out var exec)
            || !context.Users.TryGetValue("assistant", out var assistant))
            return;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var writer = new BulkWriter(db);
        if (!await db.Unscoped<Product>().AnyAsync(ct))
        {
            var catalogue = DealTexts.Catalogue();
            foreach (var p in catalogue)
                Stamp(p, clock.GetUtcNow().AddDays(-760), assistant.Id);
            await writer.WriteAsync(catalogue, ct);
        }
        if (await db.Unscoped<Contract>().AnyAsync(ct) || await db.Unscoped<Order>().AnyAsync(ct) || await db.Unscoped<Opportunity>().AnyAsync(ct))
            return;
        var products = await db.Unscoped<Product>().AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Code).ToListAsync(ct);
        var accounts = await db.Unscoped<Account>().AsNoTracking().Where(a => a.ArchivedAt == null).OrderBy(a => a.Id)
            .Select(a => new AccountFacts(a.Id, a.Name, a.OwnerId, a.Tier, a.Status, a.Address)).ToListAsync(ct);
        if (accounts.Count == 0 || products.Count == 0)
            return;

        var scale = context.Options.Scale;
        var scene = new Scene(clock.Today(), clock.GetUtcNow(), scale > 0, context.Options.RandomSeed);
        var g = new Generator(scene, products, new People(head, exec, assistant), documents.Select(d => d.DocumentType).ToHashSet());
        g.Generate(accounts,
            contracts: scale > 0 ? scale * 2 : DemoContracts,
            orders: scale > 0 ? scale * 10 : DemoOrders,
            opportunities: scale > 0 ? scale * 2 / 5 : DemoOpportunities);
        var generated = System.Diagnostics.Stopwatch.GetElapsedTime(started);

        // Parents before children (foreign keys): contracts by creation put parents before their supplements,
        // shipments by creation put originals before their make-ups.
        await writer.WriteAsync(g.Opportunities, ct);
        await writer.WriteAsync(g.Contracts, ct);
        await writer.WriteAsync(g.Requests, ct);
        await writer.WriteAsync(g.Steps, ct);
        await writer.WriteAsync(g.Orders, ct);
        await writer.WriteAsync(g.Lines, ct);
        await writer.WriteAsync(g.Shipments, ct);
        await writer.WriteAsync(g.ShipmentLines, ct);
        await writer.WriteAsync(g.Instalments, ct);
        await writer.WriteAsync(g.Payments, ct);
        await writer.WriteAsync(g.Sequences, ct);
        logger.LogInformation("Deals: generated in {Generated} ms, written in {Written} ms ({Tables})",
            (int)generated.TotalMilliseconds, (int)(System.Diagnostics.Stopwatch.GetElapsedTime(started) - generated).TotalMilliseconds, writer.Summary);
    }

    private sealed record AccountFacts(Guid Id, string Name, Guid OwnerId, AccountTier Tier, AccountStatus Status, string? Address);

    private sealed record People(User Head, User Exec, User Assistant);

    private static T Stamp<T>(T entity, DateTimeOffset created, Guid by, DateTimeOffset? updated = null, Guid? updatedBy = null)
        where T : Entity
    {
        entity.CreatedAt = created;
        entity.CreatedById = by;
        entity.UpdatedAt = updated ?? created;
        entity.UpdatedById = updatedBy ?? by;
        return entity;
    }

    /// <summary>What the generator knows about a contract beyond its row.</summary>
    private sealed class Deal(Contract contract, AccountFacts account, DateOnly created, int signDelay, bool plan, int years = 1)
    {
        public int Years { get; } = years;

        public Contract C { get; } = contract;

        public AccountFacts Account { get; } = account;

        public DateOnly Created { get; set; } = created;

        public int SignDelay { get; } = signDelay;

        public bool HasPlan { get; } = plan;

        /// <summary>Set for a contract on its way (draft, review, rejected, approved but not signed).</summary>
        public Progress? InProgress { get; set; }

        public List<Deal> Supplements { get; } = [];

        public bool Signed => C.SignedOn is not null;
    }

    private enum Progress
    {
        Draft,
        WaitingForHead,
        WaitingForExecutive,
        Rejected,
        Approved,
    }

    private sealed class Generator(Scene s, List<Product> products, People people, HashSet<string> approvable)
    {
        private const int HistoryDays = 730;

        private readonly Dictionary<Guid, ApprovalRequest> _requestOf = [];
        private readonly Dictionary<string, int> _rank = [];

        public List<Opportunity> Opportunities { get; } = [];

        public List<Contract> Contracts { get; } = [];

        public List<ApprovalRequest> Requests { get; } = [];

        public List<ApprovalStep> Steps { get; } = [];

        public List<Order> Orders { get; } = [];

        public List<OrderLine> Lines { get; } = [];

        public List<Shipment> Shipments { get; } = [];

        public List<ShipmentLine> ShipmentLines { get; } = [];

        public List<Instalment> Instalments { get; } = [];

        public List<Payment> Payments { get; } = [];

        public List<NumberSequence> Sequences { get; } = [];

        private DateOnly T => s.Today;

        public void Generate(List<AccountFacts> accounts, int contracts, int orders, int opportunities)
        {
            var mainCount = contracts - (contracts / 9);
            var dealWeights = accounts.Select(a => Weight(a.Tier) * a.Status switch
            {
                AccountStatus.Prospect => 0,
                AccountStatus.Active => 1,
                AccountStatus.Dormant => 0.5,
                _ => 0.3,
            }).ToArray();
            var mainsPer = Allocate(mainCount, dealWeights);
            var ordersPer = Allocate(orders, dealWeights);
            var oppsPer = Allocate(opportunities, accounts.Select(a => Weight(a.Tier) * (a.Status switch
            {
                AccountStatus.Prospect or AccountStatus.Active => 1,
                AccountStatus.Dormant => 0.3,
                _ => 0.1,
            })).ToArray());

            var deals = new List<Deal>();
            var byAccount = new List<Deal>[accounts.Count];
            for (var i = 0; i < accounts.Count; i++)
            {
                var r = s.RandomFor("contracts:" + accounts[i].Name);
                byAccount[i] = [];
                for (var k = 0; k < mainsPer[i]; k++)
                    byAccount[i].Add(MainContract(r, accounts[i]));
                deals.AddRange(byAccount[i]);
            }
            InProgress(deals);
            foreach (var d in deals.Where(d => d.InProgress is null))
                Sign(d);
            if (!s.AtScale)
                StartsLater(deals);
            Supplements(deals, contracts - mainCount, accounts);
            Settle(deals);
            if (!s.AtScale)
                ExpiringSoon(deals);
            foreach (var d in deals.SelectMany(d => d.Supplements.Prepend(d)))
            {
                Approval(d);
                Contracts.Add(d.C);
            }

            for (var i = 0; i < accounts.Count; i++)
            {
                var r = s.RandomFor("deals:" + accounts[i].Name);
                foreach (var d in byAccount[i].Where(d => d.HasPlan && d.Signed))
                    Plan(r, d);
                for (var k = 0; k < ordersPer[i]; k++)
                    NewOrder(r, accounts[i], byAccount[i]);
                for (var k = 0; k < oppsPer[i]; k++)
                    NewOpportunity(r, accounts[i], byAccount[i]);
            }
            if (!s.AtScale)
                PendingMakeUp();
            Number();
        }

        private static double Weight(AccountTier tier) => tier switch { AccountTier.A => 4, AccountTier.B => 2, _ => 1 };

        /// <summary>Splits a total over weights by cumulative rounding: the counts add up to the total exactly.</summary>
        private static int[] Allocate(int total, double[] weights)
        {
            var sum = weights.Sum();
            var counts = new int[weights.Length];
            if (sum <= 0)
                return counts;
            double cumulative = 0;
            long given = 0;
            for (var i = 0; i < weights.Length; i++)
            {
                cumulative += weights[i];
                var upTo = (long)Math.Round(cumulative * total / sum, MidpointRounding.AwayFromZero);
                counts[i] = (int)(upTo - given);
                given = upTo;
            }
            return counts;
        }

        /// <summary>How long ago the account last did business: dormant and lost accounts stopped a while ago.</summary>
        private static int Lag(AccountFacts a) => a.Status switch { AccountStatus.Dormant => 120, AccountStatus.Lost => 240, _ => 0 };

        /// <summary>A day in the account's history, more of them recent (the business grows).</summary>
        private DateOnly HistoryDay(Random r, AccountFacts a, double skew = 1.0)
        {
            var lag = Lag(a);
            var span = HistoryDays - lag;
            return T.AddDays(-lag - (int)(span * Math.Pow(r.NextDouble(), skew)));
        }

        /// <summary>A business-local time on a day, never after now.</summary>
        private DateTimeOffset When(DateOnly day, Random r, int fromHour = 9, int toHour = 18)
        {
            var at = s.At(day, (fromHour * 60) + r.Next((toHour - fromHour) * 60));
            return at < s.Now ? at : s.Now.AddMinutes(-1 - r.Next(30));
        }

        private static decimal Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

        // ---- Contracts ---------------------------------------------------------------------------------------------

        private Deal MainContract(Random r, AccountFacts a)
        {
            var roll = r.Next(100);
            var kind = roll < 30 ? ContractKind.Framework : roll < 75 ? ContractKind.Purchase : ContractKind.Cooperation;
            var created = HistoryDay(r, a, 1.1);
            var amount = kind switch
            {
                ContractKind.Framework => r.Next(1000, 6001) * 1000m,
                ContractKind.Purchase => r.Next(200, 3001) * 1000m,
                _ => r.Next(300, 2001) * 1000m,
            };
            var nonStandard = r.Next(100) < 12;
            var years = kind switch { ContractKind.Framework => r.Next(2, 4), ContractKind.Purchase => 1, _ => r.Next(1, 3) };
            var brand = DemoNames.Brands[r.Next(DemoNames.Brands.Length)];
            var title = kind switch
            {
                ContractKind.Framework => $"{brand}办公家具战略合作框架协议",
                ContractKind.Purchase => $"{r.Pick(DealTexts.Projects)}采购合同",
                _ => $"{brand}家具{r.Pick(DealTexts.Projects)}合作协议",
            };
            var drafter = r.Next(100) < 75 ? people.Assistant.Id : a.OwnerId;
            var contract = new Contract
            {
                Kind = kind,
                AccountId = a.Id,
                Title = title,
                Amount = amount,
                StartOn = created.AddDays(10),
                EndOn = created.AddDays(10).AddYears(years).AddDays(-1),
                PaymentTerms = nonStandard ? r.Pick(DealTexts.NonStandardTerms) : DealTexts.StandardTerms[kind == ContractKind.Framework ? 1 : 0],
                NonStandardTerms = nonStandard,
                OurSignatory = people.Head.DisplayName,
                CustomerSignatory = DemoNames.Person(r),
                OwnerId = a.OwnerId,
                DrafterId = drafter,
            };
            var deal = new Deal(contract, a, created, r.Next(5, 21), kind == ContractKind.Purchase || (kind == ContractKind.Cooperation && r.Next(2) == 0), years);
            if (created.AddDays(deal.SignDelay) > T)
            {
                var p = r.Next(100);
                deal.InProgress = p < 20 ? Progress.Draft : p < 50 ? Progress.WaitingForHead : p < 62 ? Progress.WaitingForExecutive : p < 72 ? Progress.Rejected : Progress.Approved;
            }
            return deal;
        }

        private static bool NeedsExecutive(Contract c) => c.Amount >= ApprovalRules.DefaultThreshold || c.NonStandardTerms;

        /// <summary>
        /// Contracts on their way: those too young to be signed. The demo department always has its newest eight in
        /// known states: two waiting for the head, one for the executive, one rejected, two drafts, two approved.
        /// </summary>
        private void InProgress(List<Deal> deals)
        {
            foreach (var d in deals.Where(d => d.InProgress == Progress.WaitingForExecutive && !NeedsExecutive(d.C)))
                d.InProgress = Progress.WaitingForHead;
            if (s.AtScale)
                return;
            Progress[] states = [Progress.WaitingForHead, Progress.WaitingForExecutive, Progress.Rejected, Progress.Draft, Progress.Approved, Progress.WaitingForHead, Progress.Draft, Progress.Approved];
            var newest = deals.Where(d => d.Account.Status == AccountStatus.Active).OrderByDescending(d => d.Created).ThenBy(d => d.C.Id).Take(states.Length).ToList();
            foreach (var d in deals.Where(d => d.InProgress is not null && !newest.Contains(d)))
                d.InProgress = null; // signed a few days early: the eight above are the demo's contracts on their way
            for (var i = 0; i < newest.Count; i++)
            {
                var d = newest[i];
                d.InProgress = states[i];
                if (d.Created < T.AddDays(-20))
                    d.Created = T.AddDays(-(2 + (2 * i)));
                if (states[i] == Progress.WaitingForExecutive && !NeedsExecutive(d.C))
                    d.C.Amount = 1_280_000m;
                d.C.StartOn = d.Created.AddDays(15);
                d.C.EndOn = d.C.StartOn.AddYears(1).AddDays(-1);
            }
        }

        private void Sign(Deal d)
        {
            var c = d.C;
            c.SignedOn = Min(d.Created.AddDays(d.SignDelay), T);
            c.StartOn = c.SignedOn.Value.AddDays(d.SignDelay % 8);
            c.EndOn = c.StartOn.AddYears(d.Years).AddDays(-1);
        }

        /// <summary>The demo's latest signed contract starts next week: signed, not in force yet.</summary>
        private void StartsLater(List<Deal> deals)
        {
            var d = deals.Where(d => d.Signed).OrderByDescending(d => d.C.SignedOn).ThenBy(d => d.C.Id).FirstOrDefault();
            if (d is null || d.C.StartOn > T)
                return;
            d.C.StartOn = T.AddDays(7);
            d.C.EndOn = d.C.StartOn.AddYears(d.Years).AddDays(-1);
        }

        /// <summary>Supplementary agreements under signed parents, one after the other, each signed before the next.</summary>
        private void Supplements(List<Deal> deals, int count, List<AccountFacts> accounts)
        {
            var parents = deals.Where(d => d.Signed && d.C.SignedOn <= T.AddDays(-45)).ToList();
            var r = s.RandomFor("supplements");
            for (var n = 0; n < count && parents.Count > 0; n++)
            {
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    var parent = parents[r.Next(parents.Count)];
                    if (parent.Supplements.Count >= 3)
                        continue;
                    var p = parent.C;
                    var previous = parent.Supplements.Count > 0 ? parent.Supplements[^1].C.SignedOn ?? T : p.SignedOn!.Value;
                    var from = previous.AddDays(30);
                    var effectiveEnd = parent.Supplements.Select(x => x.C.EndOn).Append(p.EndOn).Max();
                    var to = Min(T.AddDays(-Lag(parent.Account)), effectiveEnd.AddDays(-1));
                    if (previous > T || from > to)
                        continue;
                    var created = from.AddDays(r.Next(to.DayNumber - from.DayNumber + 1));
                    var roll = r.Next(100);
                    var change = roll < 70 ? Money(p.Amount * (decimal)(0.05 + (r.NextDouble() * 0.25)) / 1000) * 1000
                        : roll < 85 ? -Money(p.Amount * (decimal)(0.03 + (r.NextDouble() * 0.07)) / 1000) * 1000 : 0m;
                    var extends = change == 0 || r.Next(100) < 50;
                    var end = extends ? effectiveEnd.AddMonths(r.Next(3, 13)) : effectiveEnd;
                    var changes = (change > 0 ? $"合同金额增加 {change:N0} 元" : change < 0 ? $"合同金额减少 {-change:N0} 元" : "合同金额不变")
                        + (extends ? $"；有效期延长至 {end:yyyy-MM-dd}" : "；增加产品型号及单价附件");
                    var contract = new Contract
                    {
                        Kind = ContractKind.Supplementary,
                        AccountId = p.AccountId,
                        ParentId = p.Id,
                        Title = $"{p.Title}补充协议（{parent.Supplements.Count + 1}）",
                        Amount = change,
                        StartOn = created.AddDays(5),
                        EndOn = end,
                        PaymentTerms = p.PaymentTerms,
                        NonStandardTerms = p.NonStandardTerms,
                        Changes = changes,
                        OurSignatory = p.OurSignatory,
                        CustomerSignatory = p.CustomerSignatory,
                        OwnerId = p.OwnerId,
                        DrafterId = people.Assistant.Id,
                    };
                    var supplement = new Deal(contract, parent.Account, created, r.Next(4, 12), plan: false);
                    if (created.AddDays(supplement.SignDelay) > T)
                        supplement.InProgress = r.Next(2) == 0 ? Progress.Draft : Progress.WaitingForHead;
                    else
                        contract.SignedOn = created.AddDays(supplement.SignDelay);
                    contract.StartOn = contract.SignedOn ?? contract.StartOn;
                    parent.Supplements.Add(supplement);
                    break;
                }
            }
        }

        /// <summary>Effective amounts and ends from the signed supplements, then each contract's status today.</summary>
        private void Settle(List<Deal> deals)
        {
            var r = s.RandomFor("settle");
            foreach (var d in deals)
            {
                var c = d.C;
                var counted = d.Supplements.Where(x => x.Signed).Select(x => x.C).ToList();
                c.EffectiveAmount = c.Amount + counted.Sum(x => x.Amount);
                c.EffectiveEndOn = counted.Select(x => x.EndOn).Append(c.EndOn).Max();
                c.Status = d.InProgress switch
                {
                    Progress.Draft => ContractStatus.Draft,
                    Progress.WaitingForHead or Progress.WaitingForExecutive => ContractStatus.UnderReview,
                    Progress.Rejected => ContractStatus.Rejected,
                    Progress.Approved => ContractStatus.Approved,
                    _ => c.EffectiveEndOn < T ? ContractStatus.Expired : c.StartOn > T ? ContractStatus.Signed : ContractStatus.InForce,
                };
                if (d.Signed && d.Supplements.Count == 0 && c.StartOn <= T.AddDays(-60) && r.Next(100) < 5)
                {
                    var last = Min(c.EffectiveEndOn, T);
                    c.Status = ContractStatus.Terminated;
                    c.TerminatedOn = c.StartOn.AddDays(30 + r.Next(last.DayNumber - c.StartOn.DayNumber - 29));
                    c.TerminationReason = r.Pick(DealTexts.Terminations);
                }
                foreach (var x in d.Supplements)
                {
                    x.C.EffectiveAmount = x.C.Amount;
                    x.C.EffectiveEndOn = x.C.EndOn;
                    x.C.Status = x.InProgress switch
                    {
                        Progress.Draft => ContractStatus.Draft,
                        Progress.WaitingForHead => ContractStatus.UnderReview,
                        _ => c.Status == ContractStatus.Expired || x.C.EndOn < T ? ContractStatus.Expired : ContractStatus.InForce,
                    };
                }
            }
        }

        /// <summary>The demo always has contracts running out within 30 days (the reminder list).</summary>
        private void ExpiringSoon(List<Deal> deals)
        {
            bool Expiring(Contract c) => c.Status == ContractStatus.InForce && c.EffectiveEndOn >= T && c.EffectiveEndOn <= T.AddDays(30);
            var missing = 4 - deals.Count(d => Expiring(d.C));
            var candidates = deals.Where(d => d.C.Status == ContractStatus.InForce && d.Supplements.Count == 0 && d.C.StartOn <= T.AddDays(-90) && !Expiring(d.C))
                .OrderBy(d => d.C.EffectiveEndOn).ToList();
            for (var i = 0; i < missing && i < candidates.Count; i++)
            {
                var c = candidates[i].C;
                c.EndOn = c.EffectiveEndOn = T.AddDays(3 + (8 * i));
            }
        }

        /// <summary>The approval request a contract's status implies: the head always, the executive from 1,000,000 or with non-standard terms.</summary>
        private void Approval(Deal d)
        {
            var c = d.C;
            if (c.Status == ContractStatus.Draft)
            {
                var at = When(d.Created, s.RandomFor("draft:" + c.Id));
                Stamp(c, at, c.DrafterId);
                c.Id = Guid.CreateVersion7(at);
                return;
            }
            var r = s.RandomFor("approval:" + d.Account.Name + c.Title + d.Created.DayNumber);
            var created = When(d.Created, r);
            c.Id = RenewId(c, created, d);
            var submitted = Cap(created.AddHours(1 + r.Next(20)));
            var outcome = d.InProgress switch
            {
                Progress.WaitingForHead or Progress.WaitingForExecutive => ApprovalStatus.Pending,
                Progress.Rejected => ApprovalStatus.Rejected,
                _ => ApprovalStatus.Approved,
            };
            var request = NewRequest(ApprovalDocuments.Contract, c.Id, c.AccountId, c.Amount, c.DrafterId, submitted);
            request.Status = outcome;
            var steps = new List<(string Role, string Reason)> { (Roles.Head, "always") };
            if (NeedsExecutive(c))
                steps.Add((Roles.Executive, "amount_or_terms"));
            var decided = submitted;
            var rejectAt = outcome == ApprovalStatus.Rejected ? (steps.Count > 1 && r.Next(2) == 0 ? 1 : 0) : -1;
            var stopAt = d.InProgress switch { Progress.WaitingForHead => 0, Progress.WaitingForExecutive => 1, _ => int.MaxValue };
            for (var i = 0; i < steps.Count; i++)
            {
                var step = Stamp(new ApprovalStep { RequestId = request.Id, Order = i, ApproverRole = steps[i].Role, Reason = steps[i].Reason }, submitted, c.DrafterId);
                if (i < stopAt && (rejectAt < 0 || i <= rejectAt))
                {
                    decided = Cap(decided.AddHours(2 + r.Next(outcome == ApprovalStatus.Approved && c.SignedOn is not null ? 30 : 20)));
                    step.Status = i == rejectAt ? ApprovalStepStatus.Rejected : ApprovalStepStatus.Approved;
                    step.DeciderId = steps[i].Role == Roles.Head ? people.Head.Id : people.Exec.Id;
                    step.DecidedAt = decided;
                    step.Comment = i == rejectAt ? r.Pick(DealTexts.RejectComments) : r.Next(100) < 70 ? r.Pick(DealTexts.ApproveComments) : null;
                    step.UpdatedAt = decided;
                    step.UpdatedById = step.DeciderId;
                }
                else
                {
                    step.Status = i == stopAt ? ApprovalStepStatus.Pending : outcome == ApprovalStatus.Pending ? ApprovalStepStatus.Waiting : ApprovalStepStatus.Skipped;
                }
                Steps.Add(step);
            }
            if (outcome != ApprovalStatus.Pending)
            {
                request.ClosedAt = decided;
                request.UpdatedAt = decided;
            }
            c.ApprovalId = request.Id;
            var updated = c.SignedOn is { } signed ? Scene.Max(decided, When(signed, r)) : decided;
            if (c.TerminatedOn is { } ended)
                updated = When(ended, r);
            Stamp(c, created, c.DrafterId, updated, c.SignedOn is null ? c.DrafterId : people.Assistant.Id);
        }

        /// <summary>Ids are version 7 from the creation time, so the tables' key order is the order of creation.</summary>
        private Guid RenewId(Contract c, DateTimeOffset created, Deal d)
        {
            var id = Guid.CreateVersion7(created);
            foreach (var x in d.Supplements)
                x.C.ParentId = id;
            c.Id = id;
            return id;
        }

        private ApprovalRequest NewRequest(string type, Guid documentId, Guid accountId, decimal amount, Guid submitter, DateTimeOffset submitted)
        {
            var request = Stamp(new ApprovalRequest
            {
                Id = Guid.CreateVersion7(submitted),
                DocumentType = type,
                DocumentId = documentId,
                AccountId = accountId,
                Amount = amount,
                SubmitterId = submitter,
                SubmittedAt = submitted,
            }, submitted, submitter);
            Requests.Add(request);
            _requestOf[documentId] = request;
            return request;
        }

        private DateTimeOffset Cap(DateTimeOffset at) => at < s.Now ? at : s.Now.AddMinutes(-2);

        private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

        private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

        // ---- Payment plans and payments -------------------------------------------------------------------------

        /// <summary>A signed contract's plan over its effective amount: 30% after signing, 60% mid-term, 10% at the end
        /// (purchase), or four equal parts (cooperation); a terminated contract's plan ends at its termination.</summary>
        private void Plan(Random r, Deal d)
        {
            var c = d.C;
            var start = c.SignedOn!.Value;
            var end = c.TerminatedOn ?? c.EffectiveEndOn;
            decimal[] shares = c.Kind == ContractKind.Purchase ? [0.3m, 0.6m, 0.1m] : [0.25m, 0.25m, 0.25m, 0.25m];
            var total = c.EffectiveAmount;
            var given = 0m;
            var created = Scene.Max(c.CreatedAt, When(start, r));
            for (var i = 0; i < shares.Length; i++)
            {
                var amount = i == shares.Length - 1 ? total - given : Money(total * shares[i]);
                given += amount;
                var due = i == 0 ? start.AddDays(15) : start.AddDays((end.DayNumber - start.DayNumber) * i / (shares.Length - 1));
                if (i > 0 && due <= start.AddDays(15))
                    due = start.AddDays(15 + i);
                var instalment = Stamp(new Instalment
                {
                    Id = Guid.CreateVersion7(created),
                    AccountId = c.AccountId,
                    ContractId = c.Id,
                    No = i + 1,
                    DueOn = due,
                    Amount = amount,
                    Note = i == shares.Length - 1 && c.Kind == ContractKind.Purchase ? "质保金" : null,
                }, created, people.Assistant.Id);
                Instalments.Add(instalment);
                Collect(r, instalment, start, d.Account);
            }
        }

        /// <summary>
        /// Payments against one receivable: most of what fell due long ago is collected (sometimes in two parts, now
        /// and then with a payment entered by mistake and reversed); recent and older overdue ones are left open or
        /// partly paid, so every aging bucket has some; a few future ones are paid early.
        /// </summary>
        private void Collect(Random r, Instalment i, DateOnly from, AccountFacts a)
        {
            var overdue = T.DayNumber - i.DueOn.DayNumber;
            var open = overdue switch
            {
                < 0 => 92,
                <= 30 => 40,
                <= 60 => 22,
                <= 90 => 15,
                <= 365 => 6,
                _ => 2,
            };
            if (a.Status == AccountStatus.Lost && overdue > 0)
                open += 6;
            var roll = r.Next(100);
            decimal paid;
            if (roll >= open)
                paid = i.Amount;
            else if (roll < open / 2 || i.Amount < 100m)
                paid = 0;
            else
                paid = Money(i.Amount * (decimal)(0.2 + (r.NextDouble() * 0.6)));
            if (paid <= 0)
                return;
            var payday = i.DueOn.AddDays(r.Next(-10, 21));
            if (overdue < 0 || payday > T)
                payday = from.AddDays(r.Next(Math.Max(1, T.DayNumber - from.DayNumber + 1)));
            payday = Min(Max(payday, from), T);
            var parts = paid == i.Amount && i.Amount > 10_000m && r.Next(100) < 15 ? 2 : 1;
            var first = parts == 2 ? Money(paid * 0.5m) : paid;
            Pay(r, i, first, parts == 2 ? Max(from, payday.AddDays(-r.Next(10, 40))) : payday, a);
            if (parts == 2)
                Pay(r, i, paid - first, payday, a);
            if (r.Next(100) < 2)
            {
                // Entered twice by mistake and reversed the next day.
                var wrong = Pay(r, i, Money(paid / parts), payday, a, counts: false);
                wrong.ReversedAt = Scene.Max(wrong.CreatedAt, Cap(When(Min(payday.AddDays(1), T), r, 10, 17)));
                wrong.ReversalReason = "重复录入";
                wrong.UpdatedAt = Scene.Max(wrong.ReversedAt.Value, wrong.CreatedAt);
            }
            i.Settled = i.Collected >= i.Amount;
            i.UpdatedAt = Scene.Max(i.CreatedAt, Payments[^1].CreatedAt);
        }

        private Payment Pay(Random r, Instalment i, decimal amount, DateOnly on, AccountFacts a, bool counts = true)
        {
            var at = Scene.Max(When(on, r, 9, 17), i.CreatedAt.AddMinutes(1));
            at = Cap(at);
            var method = r.Next(100) switch { < 78 => PaymentMethod.BankTransfer, < 93 => PaymentMethod.AcceptanceBill, < 97 => PaymentMethod.Cheque, < 99 => PaymentMethod.Cash, _ => PaymentMethod.Other };
            var payment = Stamp(new Payment
            {
                Id = Guid.CreateVersion7(at),
                AccountId = a.Id,
                InstalmentId = i.Id,
                ContractId = i.ContractId,
                OrderId = i.OrderId,
                ReceivedOn = on,
                Amount = amount,
                Method = method,
                Reference = method is PaymentMethod.BankTransfer or PaymentMethod.AcceptanceBill
                    ? (method == PaymentMethod.AcceptanceBill ? "CD" : "HX") + r.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                Note = r.Next(100) < 20 ? r.Pick(DealTexts.PaymentNotes) : null,
            }, at, people.Assistant.Id);
            Payments.Add(payment);
            if (counts)
                i.Collected += amount;
            return payment;
        }

        // ---- Orders and shipments ------------------------------------------------------------------------------

        private void NewOrder(Random r, AccountFacts a, List<Deal> deals)
        {
            var day = HistoryDay(r, a, 1.25);
            var age = T.DayNumber - day.DayNumber;
            var created = When(day, r);
            var byAssistant = r.Next(100) < 40;
            var order = new Order
            {
                Id = Guid.CreateVersion7(created),
                AccountId = a.Id,
                OwnerId = a.OwnerId,
                OrderedOn = day,
                PaymentDueOn = day.AddDays(r.Next(4) switch { 0 => 30, 1 => 45, 2 => 60, _ => 90 }),
                RequestedDeliveryOn = day.AddDays(r.Next(7, 31)),
                DeliveryAddress = a.Address,
                Note = r.Next(100) < 10 ? "送货前请提前一天电话联系" : null,
            };
            var lineCount = r.Next(1, 4);
            var first = r.Next(products.Count);
            for (var n = 0; n < lineCount; n++)
            {
                var product = products[(first + (n * 7)) % products.Count];
                var quantity = (decimal)r.Next(1, 41);
                var discount = r.Next(7) switch { < 3 => 0m, 3 => 5m, 4 => 8m, 5 => 10m, _ => 15m };
                var line = new OrderLine
                {
                    Id = Guid.CreateVersion7(created),
                    OrderId = order.Id,
                    LineNo = n + 1,
                    ProductId = product.Id,
                    ProductCode = product.Code,
                    ProductName = product.Name,
                    Unit = product.Unit,
                    Quantity = quantity,
                    UnitPrice = product.ListPrice,
                    Discount = discount,
                    Amount = Money(quantity * product.ListPrice * (1 - (discount / 100m))),
                };
                order.Lines.Add(line);
            }
            order.Total = order.Lines.Sum(l => l.Amount);

            var roll = r.Next(100);
            order.Status = roll < 4 ? OrderStatus.Cancelled
                : age <= 2 ? (roll < 52 ? OrderStatus.Received : OrderStatus.Confirmed)
                : age <= 7 ? (roll < 40 ? OrderStatus.Confirmed : roll < 70 ? OrderStatus.PartlyShipped : OrderStatus.Shipped)
                : age <= 20 ? (roll < 20 ? OrderStatus.PartlyShipped : roll < 55 ? OrderStatus.Shipped : OrderStatus.Delivered)
                : OrderStatus.Delivered;

            Deal? under = null;
            if (r.Next(100) < 65)
            {
                var covering = deals.Where(d => d.Signed && d.C.Kind != ContractKind.Supplementary && d.C.SignedOn <= day && d.C.StartOn <= day
                    && day <= d.C.EffectiveEndOn && (d.C.TerminatedOn is null || day < d.C.TerminatedOn)).ToList();
                if (covering.Count > 0)
                    under = covering[r.Next(covering.Count)];
            }
            if (under is not null)
            {
                var remaining = under.C.EffectiveAmount - under.C.OrderedAmount;
                if (order.Total > remaining)
                {
                    // Beyond the contract's remaining amount: approved by the head, waiting for them, or placed without the contract.
                    if (order.Status == OrderStatus.Received)
                        order.Approval = OrderApproval.Pending;
                    else if (order.Status != OrderStatus.Cancelled && r.Next(100) < 35)
                        order.Approval = OrderApproval.Approved;
                    else
                        under = null;
                    if (under is not null)
                    {
                        var request = NewRequest(ApprovalDocuments.Order, order.Id, a.Id, order.Total, byAssistant ? people.Assistant.Id : a.OwnerId, Cap(created.AddMinutes(5)));
                        var step = Stamp(new ApprovalStep { RequestId = request.Id, Order = 0, ApproverRole = Roles.Head, Reason = "always" }, request.SubmittedAt, request.SubmitterId);
                        if (order.Approval == OrderApproval.Approved)
                        {
                            var decided = Cap(request.SubmittedAt.AddHours(1 + r.Next(6)));
                            (request.Status, request.ClosedAt, request.UpdatedAt) = (ApprovalStatus.Approved, decided, decided);
                            (step.Status, step.DeciderId, step.DecidedAt, step.Comment, step.UpdatedAt, step.UpdatedById) =
                                (ApprovalStepStatus.Approved, people.Head.Id, decided, "同意超出合同余额下单", decided, people.Head.Id);
                        }
                        else
                        {
                            step.Status = ApprovalStepStatus.Pending;
                        }
                        Steps.Add(step);
                        order.ApprovalId = request.Id;
                    }
                }
            }
            if (under is not null)
            {
                order.ContractId = under.C.Id;
                if (order.Status != OrderStatus.Cancelled)
                    under.C.OrderedAmount += order.Total;
            }

            var updated = created;
            var by = byAssistant ? people.Assistant.Id : a.OwnerId;
            if (order.Status == OrderStatus.Cancelled)
            {
                order.CancelReason = r.Pick(DealTexts.OrderCancellations);
                updated = Cap(created.AddHours(2 + r.Next(72)));
            }
            else if (order.Status != OrderStatus.Received)
            {
                updated = Ship(r, order, a, day, created);
                if (under is null || !under.HasPlan)
                {
                    var instalment = Stamp(new Instalment
                    {
                        Id = Guid.CreateVersion7(created),
                        AccountId = a.Id,
                        OrderId = order.Id,
                        No = 1,
                        DueOn = order.PaymentDueOn,
                        Amount = order.Total,
                    }, Cap(created.AddMinutes(30)), people.Assistant.Id);
                    Instalments.Add(instalment);
                    Collect(r, instalment, day, a);
                    order.Collected = instalment.Collected;
                    if (order.Status == OrderStatus.Delivered && age > 60 && instalment.Settled && r.Next(100) < 85)
                        order.Status = OrderStatus.Closed;
                }
                else if (order.Status == OrderStatus.Delivered && age > 60 && r.Next(100) < 85)
                {
                    order.Status = OrderStatus.Closed;
                }
                if (order.Status == OrderStatus.Closed && order.DeliveredOn is { } delivered)
                    updated = Scene.Max(updated, When(Min(delivered.AddDays(30 + r.Next(30)), T), r));
            }
            Stamp(order, created, by, updated, by);
            Orders.Add(order);
        }

        /// <summary>The regular shipments the order's status implies (one, or two for a split delivery), and now and then a make-up.</summary>
        private DateTimeOffset Ship(Random r, Order order, AccountFacts a, DateOnly day, DateTimeOffset created)
        {
            if (order.Status == OrderStatus.Confirmed)
                return Cap(created.AddHours(1 + r.Next(8)));
            var delivered = order.Status == OrderStatus.Delivered;
            var latest = T.DayNumber - day.DayNumber;
            var firstOn = day.AddDays(Math.Min(latest, 1 + r.Next(4)));
            var split = order.Status == OrderStatus.PartlyShipped || (r.Next(100) < 25 && latest >= 8);
            var firstShare = order.Status == OrderStatus.PartlyShipped ? 0.5m : split ? 0.6m : 1m;
            var quantities = order.Lines.Select(l => firstShare == 1m ? l.Quantity : Math.Floor(l.Quantity * firstShare)).ToArray();
            if (quantities.All(q => q == 0))
                quantities[0] = order.Lines[0].Quantity;
            var firstShipment = NewShipment(r, order, a, firstOn, delivered || (split && order.Status == OrderStatus.Shipped), quantities);
            var last = firstShipment;
            order.DeliveredOn = firstShipment.DeliveredOn;
            if (split && order.Status != OrderStatus.PartlyShipped)
            {
                var rest = order.Lines.Select((l, n) => l.Quantity - quantities[n]).ToArray();
                if (rest.Any(q => q > 0))
                {
                    var secondOn = Min(firstOn.AddDays(2 + r.Next(6)), T);
                    last = NewShipment(r, order, a, secondOn, delivered, rest);
                    order.DeliveredOn = Max(order.DeliveredOn ?? DateOnly.MinValue, last.DeliveredOn ?? DateOnly.MinValue);
                }
            }
            if (order.Status == OrderStatus.PartlyShipped && order.Lines.All(l => l.ShippedQuantity == l.Quantity))
                order.Status = OrderStatus.Shipped;
            if (!delivered)
                order.DeliveredOn = null;
            else
            {
                if (r.Next(100) < 3 && order.DeliveredOn < T)
                    MakeUp(r, order, a, firstShipment, pending: false);
            }
            return last.UpdatedAt;
        }

        private Shipment NewShipment(Random r, Order order, AccountFacts a, DateOnly on, bool delivered, decimal[] quantities)
        {
            var at = When(on, r, 8, 17);
            var deliveredOn = delivered ? Min(on.AddDays(1 + r.Next(4)), T) : (DateOnly?)null;
            var shipment = Stamp(new Shipment
            {
                Id = Guid.CreateVersion7(at),
                OrderId = order.Id,
                AccountId = a.Id,
                Kind = ShipmentKind.Regular,
                Status = delivered ? ShipmentStatus.Delivered : ShipmentStatus.Shipped,
                ShippedOn = on,
                Carrier = r.Pick(DealTexts.Carriers),
                TrackingNumber = "YD" + r.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture),
                DeliveredOn = deliveredOn,
            }, at, people.Assistant.Id, deliveredOn is { } d ? Scene.Max(at, When(d, r)) : at);
            for (var n = 0; n < quantities.Length; n++)
            {
                if (quantities[n] <= 0)
                    continue;
                order.Lines[n].ShippedQuantity += quantities[n];
                shipment.Lines.Add(new ShipmentLine { ShipmentId = shipment.Id, OrderLineId = order.Lines[n].Id, Quantity = quantities[n] });
            }
            shipment.Amount = quantities.Select((q, n) => q > 0 ? Shipment.ValueOf(order.Lines[n], q) : 0).Sum();
            shipment.CreditedToId = order.CreditedToId ?? order.OwnerId;
            Shipments.Add(shipment);
            return shipment;
        }

        /// <summary>A make-up (补发货) for one line of the original shipment: approved by the head and shipped, or waiting for the head.</summary>
        private void MakeUp(Random r, Order order, AccountFacts a, Shipment original, bool pending)
        {
            var line = original.Lines[^1];
            var orderLine = order.Lines.Single(l => l.Id == line.OrderLineId);
            var quantity = Math.Min(line.Quantity, 1 + r.Next(3));
            var (reason, text) = DealTexts.MakeUps[r.Next(DealTexts.MakeUps.Length)];
            var reported = Min(original.DeliveredOn!.Value.AddDays(1 + r.Next(5)), T);
            var at = When(reported, r, 9, 17);
            var shipOn = Min(reported.AddDays(1 + r.Next(3)), T);
            var shipped = !pending;
            var deliveredOn = shipped && shipOn < T ? Min(shipOn.AddDays(1 + r.Next(3)), T) : (DateOnly?)null;
            var shipment = Stamp(new Shipment
            {
                Id = Guid.CreateVersion7(at),
                OrderId = order.Id,
                AccountId = a.Id,
                Kind = ShipmentKind.MakeUp,
                Status = pending ? ShipmentStatus.PendingApproval : deliveredOn is null ? ShipmentStatus.Shipped : ShipmentStatus.Delivered,
                OriginalShipmentId = original.Id,
                Reason = reason,
                ReasonText = text,
                ShippedOn = shipped ? shipOn : null,
                Carrier = shipped ? r.Pick(DealTexts.Carriers) : null,
                TrackingNumber = shipped ? "YD" + r.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                DeliveredOn = deliveredOn,
            }, at, people.Assistant.Id);
            var request = NewRequest(ApprovalDocuments.MakeUpShipment, shipment.Id, a.Id, Money(quantity * orderLine.UnitPrice), people.Assistant.Id, Cap(at.AddMinutes(10)));
            var step = Stamp(new ApprovalStep { RequestId = request.Id, Order = 0, ApproverRole = Roles.Head, Reason = "always", Status = ApprovalStepStatus.Pending }, request.SubmittedAt, request.SubmitterId);
            if (!pending)
            {
                var decided = Cap(request.SubmittedAt.AddHours(1 + r.Next(5)));
                (request.Status, request.ClosedAt, request.UpdatedAt) = (ApprovalStatus.Approved, decided, decided);
                (step.Status, step.DeciderId, step.DecidedAt, step.Comment, step.UpdatedAt, step.UpdatedById) =
                    (ApprovalStepStatus.Approved, people.Head.Id, decided, "同意补发", decided, people.Head.Id);
                orderLine.MakeUpApproved += quantity;
                orderLine.MakeUpShipped += quantity;
                shipment.UpdatedAt = Scene.Max(decided, When(deliveredOn ?? shipOn, r));
            }
            Steps.Add(step);
            shipment.ApprovalId = request.Id;
            shipment.Lines.Add(new ShipmentLine { ShipmentId = shipment.Id, OrderLineId = orderLine.Id, Quantity = quantity });
            Shipments.Add(shipment);
        }

        /// <summary>The demo has one make-up waiting for the head, on the latest delivered order.</summary>
        private void PendingMakeUp()
        {
            var order = Orders.Where(o => o.Status is OrderStatus.Delivered or OrderStatus.Closed && o.DeliveredOn < T)
                .OrderByDescending(o => o.DeliveredOn).ThenBy(o => o.Id).FirstOrDefault();
            if (order is null)
                return;
            var original = Shipments.Where(x => x.OrderId == order.Id && x.Kind == ShipmentKind.Regular && x.DeliveredOn is not null).OrderBy(x => x.ShippedOn).First();
            var a = new AccountFacts(order.AccountId, "", order.OwnerId, AccountTier.A, AccountStatus.Active, null);
            MakeUp(s.RandomFor("pending-makeup"), order, a, original, pending: true);
        }

        // ---- Cooperation projects ------------------------------------------------------------------------------

        private void NewOpportunity(Random r, AccountFacts a, List<Deal> deals)
        {
            var roll = r.Next(100);
            var stages = OpportunityStages.Default;
            var stage = roll < 15 ? stages[0] : roll < 30 ? stages[1] : roll < 44 ? stages[2] : roll < 55 ? stages[3] : roll < 80 ? stages[4] : stages[5];
            if (a.Status is AccountStatus.Dormant or AccountStatus.Lost && stage.Outcome == OpportunityStatus.Open)
                stage = stages[5];
            var brand = DemoNames.Brands[r.Next(DemoNames.Brands.Length)];
            var o = new Opportunity
            {
                AccountId = a.Id,
                Name = $"{r.Pick(DealTexts.Projects)}项目",
                Products = $"{brand}{(r.Next(2) == 0 ? "办公系列" : "酒店系列")}",
                ExpectedAmount = r.Next(100, 3001) * 1000m,
                Stage = stage.Key,
                Probability = stage.Probability,
                Status = stage.Outcome,
                Competitors = r.Next(100) < 60 ? r.Pick(DealTexts.Competitors) : null,
                OwnerId = a.OwnerId,
            };
            DateOnly createdOn;
            Deal? won = null;
            if (stage.Outcome == OpportunityStatus.Open)
            {
                createdOn = T.AddDays(-r.Next(1, 181));
                o.ExpectedSignOn = T.AddDays(r.Next(-10, 181));
                o.NextStep = r.Pick(DealTexts.NextSteps);
                o.NextStepOn = T.AddDays(r.Next(-3, 21));
            }
            else
            {
                won = stage.Outcome == OpportunityStatus.Won
                    ? deals.FirstOrDefault(d => d.C.OpportunityId is null && d.Signed && r.Next(3) > 0)
                    : null;
                o.ClosedOn = won?.Created ?? HistoryDay(r, a);
                if (won is not null)
                {
                    o.ExpectedAmount = won.C.Amount;
                    o.Name = won.C.Title.Replace("合同", "", StringComparison.Ordinal).Replace("协议", "", StringComparison.Ordinal) + "项目";
                }
                o.ExpectedSignOn = o.ClosedOn;
                createdOn = o.ClosedOn.Value.AddDays(-r.Next(20, 121));
                if (stage.Outcome == OpportunityStatus.Lost)
                    o.LostReason = r.Pick(DealTexts.LostReasons);
            }
            var created = When(createdOn, r);
            o.Id = Guid.CreateVersion7(created);
            won?.C.OpportunityId = o.Id;
            _rank[stage.Key] = _rank.GetValueOrDefault(stage.Key) + 1;
            o.Rank = _rank[stage.Key];
            Stamp(o, created, a.OwnerId, o.ClosedOn is { } closed ? Scene.Max(created, When(closed, r)) : Cap(created.AddDays(r.Next(0, 30))));
            Opportunities.Add(o);
        }

        // ---- Numbers -------------------------------------------------------------------------------------------

        /// <summary>Numbers in order of creation per business year, the requests' titles, and the sequences' last values.</summary>
        private void Number()
        {
            Contracts.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
            Orders.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
            Shipments.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
            Opportunities.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
            Instalments.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
            Payments.Sort((x, y) => x.CreatedAt.CompareTo(y.CreatedAt));
            Requests.Sort((x, y) => x.SubmittedAt.CompareTo(y.SubmittedAt));
            Lines.AddRange(Orders.SelectMany(o => o.Lines));
            ShipmentLines.AddRange(Shipments.SelectMany(x => x.Lines));
            var titles = new Dictionary<Guid, string>();
            Assign(Contracts, "contract", c => c.CreatedAt, (c, year, seq) => c.Number = $"KA-{year}-{seq:0000}");
            Assign(Orders, "order", o => o.CreatedAt, (o, year, seq) => o.Number = $"SO-{year}-{seq:000000}");
            Assign(Shipments, "shipment", x => x.CreatedAt, (x, year, seq) => x.Number = $"SH-{year}-{seq:000000}");
            foreach (var c in Contracts)
                titles[c.Id] = $"{c.Number} {c.Title}";
            foreach (var o in Orders.Where(o => o.ApprovalId is not null))
                titles[o.Id] = $"{o.Number} 超出合同余额";
            foreach (var x in Shipments.Where(x => x.Kind == ShipmentKind.MakeUp))
                titles[x.Id] = $"{x.Number} 补发货";
            foreach (var request in Requests)
                request.Title = titles[request.DocumentId];
            Unapprovable();
            var order = Requests.Select((q, n) => (q.Id, n)).ToDictionary(x => x.Id, x => x.n);
            Steps.Sort((x, y) => order[x.RequestId] != order[y.RequestId] ? order[x.RequestId].CompareTo(order[y.RequestId]) : x.Order.CompareTo(y.Order));
        }

        /// <summary>Drops the requests of document types without a handler, and the documents' links to them.</summary>
        private void Unapprovable()
        {
            var dropped = Requests.Where(r => !approvable.Contains(r.DocumentType)).Select(r => r.Id).ToHashSet();
            if (dropped.Count == 0)
                return;
            Requests.RemoveAll(r => dropped.Contains(r.Id));
            Steps.RemoveAll(x => dropped.Contains(x.RequestId));
            foreach (var c in Contracts.Where(c => c.ApprovalId is { } id && dropped.Contains(id)))
                c.ApprovalId = null;
            foreach (var o in Orders.Where(o => o.ApprovalId is { } id && dropped.Contains(id)))
                o.ApprovalId = null;
            foreach (var x in Shipments.Where(x => x.ApprovalId is { } id && dropped.Contains(id)))
                x.ApprovalId = null;
        }

        private void Assign<T>(List<T> rows, string series, Func<T, DateTimeOffset> created, Action<T, int, long> number)
        {
            var last = new SortedDictionary<int, long>();
            foreach (var row in rows)
            {
                var year = TimeZoneInfo.ConvertTime(created(row), BusinessClock.Zone).Year;
                var seq = last.GetValueOrDefault(year) + 1;
                last[year] = seq;
                number(row, year, seq);
            }
            foreach (var (year, seq) in last)
                Sequences.Add(Stamp(new NumberSequence { Key = $"{series}:{year}", Last = seq }, s.Now, people.Assistant.Id));
        }
    }
}
