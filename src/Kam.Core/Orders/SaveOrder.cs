using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>
/// Enters an order (订单) for an account, or edits one while it is still Received and not under review. Totals are
/// computed here; the contract's ordered amount follows; an order beyond its contract's remaining amount goes to
/// approval (it cannot be confirmed before it is approved).
/// </summary>
public sealed class SaveOrder(IKamDb db, ICurrentUser me, TimeProvider clock, IValidator<OrderInput> validator, OrderRules rules, OrderNumbers numbers)
{
    public async Task<Result<Guid>> Create(OrderInput input, CancellationToken ct = default)
    {
        if (!OrderRules.MayWrite(me))
            return Error.Forbidden("order.read_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var account = await db.Read<Account>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == input.AccountId && a.ArchivedAt == null, ct);
        if (account is null)
            return Error.NotFound("account.not_found");
        var owner = await rules.OwnerAsync(account, input.OwnerId, ct);
        if (!owner.IsSuccess)
            return owner.Error!;
        var contract = await rules.ContractAsync(account.Id, input.ContractId, ct);
        if (!contract.IsSuccess)
            return contract.Error!;

        var orderedOn = input.OrderedOn ?? clock.Today();
        var order = new Order
        {
            AccountId = account.Id,
            ContractId = contract.Value?.Id,
            OwnerId = owner.Value,
            Status = OrderStatus.Received,
            Approval = OrderApproval.NotRequired,
        };
        Apply(order, input, orderedOn);
        if (await rules.SetLinesAsync(order, input.Lines, ct) is { } badLines)
            return badLines;

        order.Number = await numbers.NextOrderAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Unscoped<Order>().Add(order);
        if (order.ContractId is { } contractId)
        {
            if (order.Total > await rules.RemainingAsync(contractId, 0, ct))
                await rules.SubmitAsync(order, account.Name, ct);
            await rules.AddToContractAsync(contractId, order.Total, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return order.Id;
    }

    public async Task<Result> Update(Guid id, OrderInput input, CancellationToken ct = default)
    {
        var order = await db.Read<Order>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return Error.NotFound("order.not_found");
        if (!OrderRules.MayWrite(me))
            return Error.Forbidden("order.read_only");
        if (await validator.CheckAsync(input with { AccountId = order.AccountId }, ct) is { } invalid)
            return invalid;
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        if (input.Version != order.Version)
            return Error.Conflict();
        if (order.Status != OrderStatus.Received)
            return Error.Conflict("order.locked");
        if (order.Approval == OrderApproval.Pending)
            return Error.Conflict("order.under_review");
        var account = await db.Unscoped<Account>().AsNoTracking().FirstAsync(a => a.Id == order.AccountId, ct);
        var owner = await rules.OwnerAsync(account, input.OwnerId ?? order.OwnerId, ct);
        if (!owner.IsSuccess)
            return owner.Error!;
        var contract = await rules.ContractAsync(account.Id, input.ContractId, ct);
        if (!contract.IsSuccess)
            return contract.Error!;

        db.Entry(order).Property(o => o.Version).OriginalValue = input.Version.Value;
        var (oldContract, oldTotal, oldApproval) = (order.ContractId, order.Total, order.Approval);
        order.OwnerId = owner.Value;
        order.ContractId = contract.Value?.Id;
        Apply(order, input, input.OrderedOn ?? order.OrderedOn);
        if (await rules.SetLinesAsync(order, input.Lines, ct) is { } badLines)
        {
            db.ChangeTracker.Clear();
            return badLines;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await rules.AddToContractAsync(oldContract, -oldTotal, ct);
        order.Approval = OrderApproval.NotRequired;
        if (order.ContractId is { } contractId)
        {
            var exceeds = order.Total > await rules.RemainingAsync(contractId, 0, ct);
            var stillApproved = oldApproval == OrderApproval.Approved && oldContract == contractId && order.Total <= oldTotal;
            if (exceeds && stillApproved)
                order.Approval = OrderApproval.Approved;
            else if (exceeds)
                await rules.SubmitAsync(order, account.Name, ct);
            await rules.AddToContractAsync(contractId, order.Total, ct);
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        await tx.CommitAsync(ct);
        return Result.Success;
    }

    private static void Apply(Order order, OrderInput input, DateOnly orderedOn)
    {
        order.OrderedOn = orderedOn;
        order.PaymentDueOn = input.PaymentDueOn ?? orderedOn.AddDays(30);
        order.RequestedDeliveryOn = input.RequestedDeliveryOn;
        order.DeliveryAddress = string.IsNullOrWhiteSpace(input.DeliveryAddress) ? null : input.DeliveryAddress.Trim();
        order.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }
}
