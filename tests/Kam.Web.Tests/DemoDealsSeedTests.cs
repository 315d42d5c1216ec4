using System.Text.RegularExpressions;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Kam.Core.Opportunities;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Kam.Core.Users;
using Kam.Infrastructure.Data;
using Kam.Infrastructure.Seeding;
using Kam.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

/// <summary>
/// The demo department's generated deals are coherent: supplements under their parents and counted in them, approval
/// requests that agree with the statuses, orders, shipments and make-ups within their quantities, receivables whose
/// collected amounts are their payments, overdue receivables in every aging bucket, and number sequences ahead of
/// every number used. Its own database, so no other test's deals change what it sees.
/// </summary>
public sealed class DemoDealsSeedTests(DemoDealsSeedTests.Factory app) : IClassFixture<DemoDealsSeedTests.Factory>
{
    /// <summary>
    /// The seed writes approval requests only for document types with a registered handler; until every deal feature
    /// has registered its own, stand-ins do (a registered feature's handler comes first and is the one used).
    /// </summary>
    public sealed class Factory : KamFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services =>
            {
                foreach (var type in new[] { ApprovalDocuments.Contract, ApprovalDocuments.Order, ApprovalDocuments.MakeUpShipment })
                    services.AddScoped<IApprovalDocument>(_ => new StandIn(type));
            });
        }
    }

    private sealed class StandIn(string type) : IApprovalDocument
    {
        public string DocumentType => type;

        public Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct) => Task.CompletedTask;

        public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => Task.FromResult(true);

        public string Link(Guid documentId) => $"/{type}/{documentId}";
    }

    private static readonly ContractStatus[] Approved = [ContractStatus.Approved, ContractStatus.Signed, ContractStatus.InForce, ContractStatus.Expired, ContractStatus.Terminated];

    [Fact]
    public async Task Contracts_supplements_and_approvals_agree_with_their_statuses()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var today = clock.Today();
        var users = await db.Unscoped<User>().ToDictionaryAsync(u => u.UserName!, u => u.Id);

        Assert.True(await db.Unscoped<Product>().CountAsync() >= 50);
        Assert.Equal(3, await db.Unscoped<Product>().Select(p => p.Brand).Distinct().CountAsync());

        var contracts = await db.Unscoped<Contract>().AsNoTracking().ToListAsync();
        Assert.InRange(contracts.Count, DemoDealsStep.DemoContracts - 5, DemoDealsStep.DemoContracts);
        Assert.All(Enum.GetValues<ContractKind>(), k => Assert.Contains(contracts, c => c.Kind == k));
        Assert.All(Enum.GetValues<ContractStatus>(), s => Assert.Contains(contracts, c => c.Status == s));
        var byId = contracts.ToDictionary(c => c.Id);
        foreach (var c in contracts)
        {
            if (c.Kind == ContractKind.Supplementary)
            {
                Assert.True(c.ParentId is { } p && byId.ContainsKey(p), $"{c.Number} has a parent");
                var parent = byId[c.ParentId!.Value];
                Assert.NotEqual(ContractKind.Supplementary, parent.Kind);
                Assert.Equal(parent.AccountId, c.AccountId);
            }
            else
            {
                Assert.Null(c.ParentId);
                var counted = contracts.Where(x => x.ParentId == c.Id && Approved.Contains(x.Status)).ToList();
                Assert.Equal(c.Amount + counted.Sum(x => x.Amount), c.EffectiveAmount);
                Assert.Equal(counted.Select(x => x.EndOn).Append(c.EndOn).Max(), c.EffectiveEndOn);
            }
            Assert.Matches(new Regex(@"^KA-\d{4}-\d{4,}$"), c.Number);
            Assert.True(c.SignedOn is null || c.SignedOn <= today, $"{c.Number} signed in the future");
            Assert.Equal(c.Status is ContractStatus.Signed or ContractStatus.InForce or ContractStatus.Expired or ContractStatus.Terminated, c.SignedOn is not null);
            Assert.Equal(c.Status == ContractStatus.Terminated, c.TerminatedOn is not null && c.TerminationReason is not null);
            if (c.Status == ContractStatus.InForce)
                Assert.True(c.StartOn <= today && c.EffectiveEndOn >= today);
            if (c.Status == ContractStatus.Expired)
                Assert.True(c.EffectiveEndOn < today);
        }
        Assert.Contains(contracts, c => c.Kind == ContractKind.Supplementary && Approved.Contains(c.Status));
        Assert.Contains(contracts, c => c.Status == ContractStatus.InForce && c.EffectiveEndOn <= today.AddDays(30));
        Assert.Contains(contracts, c => c.OwnerId == users["am1"] && c.Status == ContractStatus.InForce);

        // Approvals: the head always, the executive too from 1,000,000 or with non-standard terms; decisions by them.
        var requests = await db.Unscoped<ApprovalRequest>().AsNoTracking().Include(r => r.Steps).ToListAsync();
        var ofContract = requests.Where(r => r.DocumentType == ApprovalDocuments.Contract).ToDictionary(r => r.DocumentId);
        foreach (var c in contracts)
        {
            if (c.Status == ContractStatus.Draft)
            {
                Assert.Null(c.ApprovalId);
                Assert.False(ofContract.ContainsKey(c.Id));
                continue;
            }
            var request = ofContract[c.Id];
            Assert.Equal(request.Id, c.ApprovalId);
            Assert.StartsWith(c.Number, request.Title, StringComparison.Ordinal);
            var steps = request.Steps.OrderBy(s => s.Order).ToList();
            var executive = c.Amount >= ApprovalRules.DefaultThreshold || c.NonStandardTerms;
            Assert.Equal(executive ? [Roles.Head, Roles.Executive] : [Roles.Head], steps.Select(s => s.ApproverRole));
            var expected = c.Status switch
            {
                ContractStatus.UnderReview => ApprovalStatus.Pending,
                ContractStatus.Rejected => ApprovalStatus.Rejected,
                _ => ApprovalStatus.Approved,
            };
            Assert.Equal(expected, request.Status);
            Assert.Equal(expected != ApprovalStatus.Pending, request.ClosedAt is not null);
            if (expected == ApprovalStatus.Approved)
                Assert.All(steps, s => Assert.Equal(ApprovalStepStatus.Approved, s.Status));
            if (expected == ApprovalStatus.Pending)
                Assert.Single(steps, s => s.Status == ApprovalStepStatus.Pending);
            if (expected == ApprovalStatus.Rejected)
                Assert.Single(steps, s => s.Status == ApprovalStepStatus.Rejected && s.Comment is not null);
            foreach (var s in steps.Where(s => s.DecidedAt is not null))
            {
                Assert.Equal(s.ApproverRole == Roles.Head ? users["head"] : users["exec"], s.DeciderId);
                Assert.NotEqual(request.SubmitterId, s.DeciderId);
                Assert.True(s.DecidedAt >= request.SubmittedAt && s.DecidedAt <= clock.GetUtcNow());
            }
        }
        var waiting = requests.Where(r => r.Status == ApprovalStatus.Pending && r.DocumentType == ApprovalDocuments.Contract)
            .Select(r => r.Steps.Single(s => s.Status == ApprovalStepStatus.Pending).ApproverRole).ToList();
        Assert.Contains(Roles.Head, waiting);
        Assert.Contains(Roles.Executive, waiting);
    }

    [Fact]
    public async Task Orders_shipments_receivables_and_payments_add_up()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();

        var contracts = await db.Unscoped<Contract>().AsNoTracking().ToDictionaryAsync(c => c.Id);
        var orders = await db.Unscoped<Order>().AsNoTracking().Include(o => o.Lines).ToListAsync();
        var shipments = await db.Unscoped<Shipment>().AsNoTracking().Include(s => s.Lines).ToListAsync();
        var instalments = await db.Unscoped<Instalment>().AsNoTracking().ToListAsync();
        var payments = await db.Unscoped<Payment>().AsNoTracking().ToListAsync();

        Assert.InRange(orders.Count, DemoDealsStep.DemoOrders - 1, DemoDealsStep.DemoOrders);
        Assert.All(Enum.GetValues<OrderStatus>(), s => Assert.Contains(orders, o => o.Status == s));
        Assert.Contains(orders, o => o.ContractId is not null);
        Assert.Contains(orders, o => o.ContractId is null);
        foreach (var o in orders)
        {
            Assert.Matches(new Regex(@"^SO-\d{4}-\d{6}$"), o.Number);
            Assert.True(o.OrderedOn <= today);
            Assert.NotEmpty(o.Lines);
            Assert.Equal(o.Lines.Sum(l => l.Amount), o.Total);
            Assert.Equal(o.Status == OrderStatus.Cancelled, o.CancelReason is not null);
            Assert.True(o.DeliveredOn is null || o.DeliveredOn <= today);
            var shipmentsOf = shipments.Where(s => s.OrderId == o.Id).ToList();
            foreach (var line in o.Lines)
            {
                Assert.Equal(Math.Round(line.Quantity * line.UnitPrice * (1 - (line.Discount / 100m)), 2, MidpointRounding.AwayFromZero), line.Amount);
                Assert.True(line.ShippedQuantity + line.MakeUpShipped <= line.Quantity + line.MakeUpApproved, $"{o.Number} line {line.LineNo} shipped more than ordered");
                Assert.True(line.ShippedQuantity <= line.Quantity && line.MakeUpShipped <= line.MakeUpApproved);
                decimal Sum(ShipmentKind kind, params ShipmentStatus[] statuses) => shipmentsOf.Where(s => s.Kind == kind && statuses.Contains(s.Status))
                    .SelectMany(s => s.Lines).Where(l => l.OrderLineId == line.Id).Sum(l => l.Quantity);
                Assert.Equal(Sum(ShipmentKind.Regular, ShipmentStatus.Shipped, ShipmentStatus.Delivered), line.ShippedQuantity);
                Assert.Equal(Sum(ShipmentKind.MakeUp, ShipmentStatus.Shipped, ShipmentStatus.Delivered), line.MakeUpShipped);
                Assert.Equal(Sum(ShipmentKind.MakeUp, ShipmentStatus.Approved, ShipmentStatus.Shipped, ShipmentStatus.Delivered), line.MakeUpApproved);
            }
            var shipped = o.Lines.Sum(l => l.ShippedQuantity);
            if (o.Status is OrderStatus.Received or OrderStatus.Confirmed or OrderStatus.Cancelled)
                Assert.Equal(0, shipped);
            if (o.Status is OrderStatus.Shipped or OrderStatus.Delivered or OrderStatus.Closed)
                Assert.All(o.Lines, l => Assert.Equal(l.Quantity, l.ShippedQuantity));
            if (o.Status == OrderStatus.PartlyShipped)
                Assert.True(shipped > 0 && o.Lines.Any(l => l.ShippedQuantity < l.Quantity));
        }
        foreach (var s in shipments)
        {
            Assert.Matches(new Regex(@"^SH-\d{4}-\d{6}$"), s.Number);
            Assert.True(s.ShippedOn is null || s.ShippedOn <= today);
            Assert.True(s.DeliveredOn is null || (s.DeliveredOn <= today && s.DeliveredOn >= s.ShippedOn));
            if (s.Kind == ShipmentKind.MakeUp)
                Assert.True(s.OriginalShipmentId is { } original && shipments.Any(x => x.Id == original && x.OrderId == s.OrderId) && s.Reason is not null);
        }
        Assert.Contains(shipments, s => s.Kind == ShipmentKind.MakeUp && s.Status == ShipmentStatus.Delivered);
        var pending = Assert.Single(shipments, s => s.Kind == ShipmentKind.MakeUp && s.Status == ShipmentStatus.PendingApproval);
        Assert.Equal(ApprovalStatus.Pending, (await db.Unscoped<ApprovalRequest>().SingleAsync(r => r.Id == pending.ApprovalId)).Status);

        // A contract's ordered amount is its orders that are not cancelled.
        foreach (var c in contracts.Values)
            Assert.Equal(orders.Where(o => o.ContractId == c.Id && o.Status != OrderStatus.Cancelled).Sum(o => o.Total), c.OrderedAmount);

        // Receivables: a plan per signed contract with one, an order's own receivable once confirmed otherwise.
        var collected = payments.Where(p => p.ReversedAt is null).GroupBy(p => p.InstalmentId).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        foreach (var i in instalments)
        {
            Assert.True(i.ContractId is null != (i.OrderId is null), "an instalment belongs to a contract or an order");
            Assert.Equal(collected.GetValueOrDefault(i.Id), i.Collected);
            Assert.Equal(i.Collected >= i.Amount, i.Settled);
            Assert.True(i.Collected <= i.Amount);
        }
        Assert.All(payments, p => Assert.True(p.ReceivedOn <= today && p.Amount > 0));
        Assert.Contains(payments, p => p.ReversedAt is not null && p.ReversalReason is not null);
        var plans = instalments.Where(i => i.ContractId is not null).GroupBy(i => i.ContractId!.Value).ToList();
        Assert.NotEmpty(plans);
        foreach (var plan in plans)
        {
            Assert.Equal(contracts[plan.Key].EffectiveAmount, plan.Sum(i => i.Amount));
            Assert.NotNull(contracts[plan.Key].SignedOn);
        }
        var planned = plans.Select(p => p.Key).ToHashSet();
        var ofOrder = instalments.Where(i => i.OrderId is not null).ToLookup(i => i.OrderId!.Value);
        foreach (var o in orders)
        {
            var own = ofOrder[o.Id].ToList();
            var expected = o.Status is not (OrderStatus.Received or OrderStatus.Cancelled) && (o.ContractId is null || !planned.Contains(o.ContractId.Value));
            Assert.Equal(expected ? 1 : 0, own.Count);
            if (expected)
            {
                Assert.Equal(o.Total, own[0].Amount);
                Assert.Equal(own[0].Collected, o.Collected);
            }
        }

        // Overdue receivables in every aging bucket, and money still to come.
        var open = instalments.Where(i => !i.Settled).ToList();
        foreach (var (from, to) in new[] { (1, 30), (31, 60), (61, 90), (91, 10_000) })
            Assert.Contains(open, i => today.DayNumber - i.DueOn.DayNumber >= from && today.DayNumber - i.DueOn.DayNumber <= to);
        Assert.Contains(open, i => i.DueOn >= today);
        Assert.True(instalments.Count(i => i.Settled) > open.Count, "most of the history is collected");
    }

    [Fact]
    public async Task Projects_are_in_every_stage_and_sequences_continue_the_numbers()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
        var today = scope.ServiceProvider.GetRequiredService<TimeProvider>().Today();

        var opportunities = await db.Unscoped<Opportunity>().AsNoTracking().ToListAsync();
        Assert.All(OpportunityStages.Default, s => Assert.Contains(opportunities, o => o.Stage == s.Key && o.Status == s.Outcome && o.Probability == s.Probability));
        Assert.All(opportunities.Where(o => o.Status == OpportunityStatus.Lost), o => Assert.False(string.IsNullOrEmpty(o.LostReason)));
        Assert.All(opportunities.Where(o => o.Status != OpportunityStatus.Open), o => Assert.True(o.ClosedOn <= today));
        Assert.Contains(opportunities, o => o.Status == OpportunityStatus.Open && o.ExpectedSignOn > today);
        var linked = await db.Unscoped<Contract>().Where(c => c.OpportunityId != null).Select(c => c.OpportunityId!.Value).ToListAsync();
        Assert.NotEmpty(linked);
        Assert.All(linked, id => Assert.Equal(OpportunityStatus.Won, opportunities.Single(o => o.Id == id).Status));

        var sequences = await db.Unscoped<NumberSequence>().AsNoTracking().ToDictionaryAsync(s => s.Key, s => s.Last);
        var numbers = (await db.Unscoped<Contract>().Select(c => c.Number).ToListAsync()).Select(n => ("contract", n))
            .Concat((await db.Unscoped<Order>().Select(o => o.Number).ToListAsync()).Select(n => ("order", n)))
            .Concat((await db.Unscoped<Shipment>().Select(s => s.Number).ToListAsync()).Select(n => ("shipment", n)));
        foreach (var (series, number) in numbers)
        {
            var parts = number.Split('-');
            Assert.True(sequences.TryGetValue($"{series}:{parts[1]}", out var last), $"no sequence for {number}");
            Assert.True(last >= long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), $"{number} beyond its sequence");
        }
        Assert.Contains($"contract:{today.Year}", sequences.Keys);
    }

    [Fact]
    public async Task Seeding_again_adds_no_deals()
    {
        int contracts, orders, payments;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
            (contracts, orders, payments) = (await db.Unscoped<Contract>().CountAsync(), await db.Unscoped<Order>().CountAsync(), await db.Unscoped<Payment>().CountAsync());
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KamDbContext>();
            Assert.Equal(contracts, await db.Unscoped<Contract>().CountAsync());
            Assert.Equal(orders, await db.Unscoped<Order>().CountAsync());
            Assert.Equal(payments, await db.Unscoped<Payment>().CountAsync());
        }
    }
}
