using Kam.Core.Accounts;
using Kam.Core.Contracts;
using Kam.Core.Orders;
using Kam.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace Kam.Web.Tests.Infrastructure;

/// <summary>
/// Contracts, orders and receivables arranged directly in the database (their own APIs are another area's), so the
/// payment and receivable tests act through the API on known figures.
/// </summary>
public static class PaymentData
{
    public static async Task<Guid> AccountOf(KamFactory app, string userName)
    {
        using var client = await app.As(userName);
        return Guid.Parse((string)(await Accounts.Create(client))["id"]!);
    }

    public static async Task<Guid> AccountOf(HttpClient client) => Guid.Parse((string)(await Accounts.Create(client))["id"]!);

    public static async Task<Guid> Contract(KamFactory app, Guid accountId, decimal amount, ContractStatus status = ContractStatus.Signed)
    {
        var contract = new Contract
        {
            Number = "PT-" + Guid.NewGuid().ToString("N")[..12],
            Kind = ContractKind.Purchase,
            AccountId = accountId,
            Title = "回款测试合同",
            Amount = amount,
            EffectiveAmount = amount,
            StartOn = new DateOnly(2026, 1, 1),
            EndOn = new DateOnly(2027, 12, 31),
            EffectiveEndOn = new DateOnly(2027, 12, 31),
            Status = status,
        };
        await app.Change(async db =>
        {
            var account = await db.Unscoped<Account>().AsNoTracking().FirstAsync(a => a.Id == accountId);
            contract.OwnerId = account.OwnerId;
            contract.DrafterId = account.OwnerId;
            db.Unscoped<Contract>().Add(contract);
        });
        return contract.Id;
    }

    /// <summary>A confirmed order of <paramref name="total"/> with its own receivable due on <paramref name="dueOn"/>.</summary>
    public static async Task<(Guid OrderId, Guid InstalmentId)> Order(KamFactory app, Guid accountId, decimal total, DateOnly dueOn)
    {
        var order = new Order
        {
            Number = "SO-T-" + Guid.NewGuid().ToString("N")[..12],
            AccountId = accountId,
            OrderedOn = dueOn.AddDays(-30),
            PaymentDueOn = dueOn,
            Status = OrderStatus.Confirmed,
            Total = total,
        };
        var instalment = new Instalment { AccountId = accountId, OrderId = order.Id, No = 1, DueOn = dueOn, Amount = total };
        await app.Change(async db =>
        {
            order.OwnerId = (await db.Unscoped<Account>().AsNoTracking().FirstAsync(a => a.Id == accountId)).OwnerId;
            db.Unscoped<Order>().Add(order);
            db.Unscoped<Instalment>().Add(instalment);
        });
        return (order.Id, instalment.Id);
    }

    /// <summary>A plan instalment of the contract, added directly (the plan API is tested on its own).</summary>
    public static async Task<Guid> Instalment(KamFactory app, Guid accountId, Guid? contractId, DateOnly dueOn, decimal amount, decimal collected = 0)
    {
        var instalment = new Instalment
        {
            AccountId = accountId,
            ContractId = contractId,
            No = 1,
            DueOn = dueOn,
            Amount = amount,
            Collected = collected,
            Settled = collected >= amount,
        };
        await app.Change(db =>
        {
            db.Unscoped<Instalment>().Add(instalment);
            return Task.CompletedTask;
        });
        return instalment.Id;
    }

    public static Task<Instalment> Read(KamFactory app, Guid instalmentId) =>
        app.Read(db => db.Unscoped<Instalment>().AsNoTracking().FirstAsync(i => i.Id == instalmentId));

    public static Task<decimal> OrderCollected(KamFactory app, Guid orderId) =>
        app.Read(db => db.Unscoped<Order>().AsNoTracking().Where(o => o.Id == orderId).Select(o => o.Collected).FirstAsync());

    public static Task<int> PaymentCount(KamFactory app, Guid instalmentId) =>
        app.Read(db => db.Unscoped<Payment>().CountAsync(p => p.InstalmentId == instalmentId));

    /// <summary>Today in Asia/Shanghai, as the app's clock sees it.</summary>
    public static DateOnly Today => Kam.Core.Common.BusinessClock.Today(TimeProvider.System);
}
