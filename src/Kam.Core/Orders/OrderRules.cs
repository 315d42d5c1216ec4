using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>What creating and editing an order share: who may, the owner, the contract, the lines and their amounts,
/// the contract's ordered amount and whether the order needs approval.</summary>
public sealed class OrderRules(IKamDb db, ICurrentUser me, ApprovalEngine approvals)
{
    /// <summary>Head, assistant (any account) and account managers (accounts in their scope) write orders; the executive reads.</summary>
    public static bool MayWrite(ICurrentUser user) => DataScope.EditsAccounts(user);

    public static decimal LineAmount(decimal quantity, decimal unitPrice, decimal discount) =>
        Math.Round(quantity * unitPrice * (1 - discount / 100m), 2, MidpointRounding.AwayFromZero);

    public static bool IsOpen(OrderStatus status) => status is not (OrderStatus.Closed or OrderStatus.Cancelled);

    /// <summary>The owner: the one asked for if they own or are on the team of the account; otherwise the author if they
    /// are, else the account's owner.</summary>
    public async Task<Result<Guid>> OwnerAsync(Account account, Guid? requested, CancellationToken ct)
    {
        var members = await db.Unscoped<AccountMember>().Where(m => m.AccountId == account.Id).Select(m => m.UserId).ToListAsync(ct);
        members.Add(account.OwnerId);
        if (requested is { } wanted)
            return members.Contains(wanted) ? wanted : Error.Validation("ownerId", "order.owner_not_on_account");
        return me.Id is { } id && me.IsInRole(Roles.AccountManager) && members.Contains(id) ? id : account.OwnerId;
    }

    /// <summary>A contract of the same account that is signed or in force.</summary>
    public async Task<Result<Contract?>> ContractAsync(Guid accountId, Guid? contractId, CancellationToken ct)
    {
        if (contractId is not { } id)
            return (Contract?)null;
        var contract = await db.Unscoped<Contract>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.AccountId == accountId && c.ArchivedAt == null, ct);
        if (contract is null || contract.Status is not (ContractStatus.Signed or ContractStatus.InForce))
            return Error.Validation("contractId", "order.contract_invalid");
        return contract;
    }

    /// <summary>Builds the lines (replacing any); products must exist, and be active unless the order already had them.</summary>
    public async Task<Error?> SetLinesAsync(Order order, IReadOnlyList<OrderLineInput> input, CancellationToken ct)
    {
        var ids = input.Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Unscoped<Product>().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var had = order.Lines.Select(l => l.ProductId).ToHashSet();
        var errors = new List<FieldError>();
        for (var i = 0; i < input.Count; i++)
        {
            if (!products.TryGetValue(input[i].ProductId!.Value, out var product))
                errors.Add(new FieldError($"lines[{i}].productId", "order.product_unknown"));
            else if (!product.IsActive && !had.Contains(product.Id))
                errors.Add(new FieldError($"lines[{i}].productId", "order.product_inactive"));
        }
        if (errors.Count > 0)
            return Error.Validation(errors);
        var tracked = db.Entry(order).State != EntityState.Detached;
        foreach (var old in order.Lines)
            db.Unscoped<OrderLine>().Remove(old);
        order.Lines.Clear();
        for (var i = 0; i < input.Count; i++)
        {
            var product = products[input[i].ProductId!.Value];
            var line = new OrderLine
            {
                OrderId = order.Id,
                LineNo = i + 1,
                ProductId = product.Id,
                ProductCode = product.Code,
                ProductName = product.Name,
                Unit = product.Unit,
                Quantity = input[i].Quantity!.Value,
                UnitPrice = Math.Round(input[i].UnitPrice ?? product.ListPrice, 4, MidpointRounding.AwayFromZero),
                Discount = Math.Round(input[i].Discount ?? 0, 2, MidpointRounding.AwayFromZero),
            };
            line.Amount = LineAmount(line.Quantity, line.UnitPrice, line.Discount);
            order.Lines.Add(line);
            // On a tracked order a line with its key already set would be taken for an existing row: add it explicitly.
            if (tracked)
                db.Unscoped<OrderLine>().Add(line);
        }
        order.Total = order.Lines.Sum(l => l.Amount);
        return null;
    }

    /// <summary>Moves a contract's ordered amount by statement (no false 409 for someone editing the contract).</summary>
    public Task AddToContractAsync(Guid? contractId, decimal delta, CancellationToken ct) =>
        contractId is { } id && delta != 0
            ? db.Unscoped<Contract>().Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OrderedAmount, c => c.OrderedAmount + delta), ct)
            : Task.CompletedTask;

    /// <summary>What is left of the contract for this order: its effective amount less the other orders placed under it.</summary>
    public async Task<decimal> RemainingAsync(Guid contractId, decimal alreadyCountedForThisOrder, CancellationToken ct)
    {
        var c = await db.Unscoped<Contract>().AsNoTracking().Where(x => x.Id == contractId).Select(x => new { x.EffectiveAmount, x.OrderedAmount }).FirstAsync(ct);
        return c.EffectiveAmount - (c.OrderedAmount - alreadyCountedForThisOrder);
    }

    /// <summary>Submits the order for approval (it is beyond its contract's remaining amount).</summary>
    public async Task SubmitAsync(Order order, string accountName, CancellationToken ct)
    {
        order.Approval = OrderApproval.Pending;
        var request = await approvals.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.Order, order.Id, order.AccountId,
            $"{order.Number} {accountName}", new ApprovalFacts(order.Total, false)), ct);
        order.ApprovalId = request.Id;
    }
}
