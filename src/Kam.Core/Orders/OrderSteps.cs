using FluentValidation;
using Kam.Core.Accounts;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Payments;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>
/// The order's own steps: confirm (only once approved when it needed approval; creates its receivable unless its
/// contract has a payment plan), cancel with a reason (only before anything shipped; its receivable is written off if
/// nothing was collected, otherwise cancelling is refused), mark delivered, close, and submit again after a rejection.
/// Shipped / partly shipped are set by the shipments.
/// </summary>
public sealed class OrderSteps(IKamDb db, ICurrentUser me, TimeProvider clock, IValidator<OrderAction> validator, OrderRules rules, ApprovalEngine approvals)
{
    public Task<Result> Confirm(Guid id, OrderAction input, CancellationToken ct = default) => Step(id, input, async order =>
    {
        if (order.Status != OrderStatus.Received)
            return Error.Conflict("order.status_invalid");
        if (order.Approval is OrderApproval.Pending or OrderApproval.Rejected)
            return Error.Conflict("order.not_approved");
        order.Status = OrderStatus.Confirmed;
        var planned = order.ContractId is { } contractId && await db.Unscoped<Instalment>().AnyAsync(i => i.ContractId == contractId, ct);
        if (!planned && !await db.Unscoped<Instalment>().AnyAsync(i => i.OrderId == order.Id, ct))
        {
            db.Unscoped<Instalment>().Add(new Instalment { AccountId = order.AccountId, OrderId = order.Id, No = 1, DueOn = order.PaymentDueOn, Amount = order.Total });
        }
        return null;
    }, ct);

    public Task<Result> Cancel(Guid id, OrderAction input, CancellationToken ct = default) => Step(id, input, async order =>
    {
        if (string.IsNullOrWhiteSpace(input.Reason))
            return Error.Validation("reason", "order.cancel_reason_required");
        if (order.Status is not (OrderStatus.Received or OrderStatus.Confirmed)
            || await db.Unscoped<Shipment>().AnyAsync(s => s.OrderId == order.Id && s.Kind == ShipmentKind.Regular, ct))
            return Error.Conflict("order.already_shipped");
        var receivable = await db.Unscoped<Instalment>().Where(i => i.OrderId == order.Id).ToListAsync(ct);
        if (receivable.Any(i => i.Collected > 0) || order.Collected > 0)
            return Error.Conflict("order.payments_collected");
        foreach (var instalment in receivable)
        {
            instalment.Settled = true;
            instalment.Note = "order_cancelled";
        }
        if (order.Approval == OrderApproval.Pending && order.ApprovalId is { } approvalId
            && await db.Unscoped<ApprovalRequest>().Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == approvalId && r.Status == ApprovalStatus.Pending, ct) is { } request)
            await approvals.CloseAsync(request, ApprovalStatus.Withdrawn, ct);
        order.Status = OrderStatus.Cancelled;
        order.CancelReason = input.Reason.Trim();
        await rules.AddToContractAsync(order.ContractId, -order.Total, ct);
        return null;
    }, ct);

    public Task<Result> Deliver(Guid id, OrderAction input, CancellationToken ct = default) => Step(id, input, order =>
    {
        if (order.Status != OrderStatus.Shipped)
            return Task.FromResult<Error?>(Error.Conflict("order.status_invalid"));
        var on = input.On ?? clock.Today();
        if (on > clock.Today() || on < order.OrderedOn)
            return Task.FromResult<Error?>(Error.Validation("on", "order.delivered_on_invalid"));
        order.Status = OrderStatus.Delivered;
        order.DeliveredOn = on;
        return Task.FromResult<Error?>(null);
    }, ct);

    public Task<Result> Close(Guid id, OrderAction input, CancellationToken ct = default) => Step(id, input, order =>
    {
        if (order.Status != OrderStatus.Delivered)
            return Task.FromResult<Error?>(Error.Conflict("order.status_invalid"));
        order.Status = OrderStatus.Closed;
        return Task.FromResult<Error?>(null);
    }, ct);

    /// <summary>Submits again an order whose approval was rejected or withdrawn (it still exceeds its contract).</summary>
    public Task<Result> Submit(Guid id, OrderAction input, CancellationToken ct = default) => Step(id, input, async order =>
    {
        if (order.Status != OrderStatus.Received || order.Approval != OrderApproval.Rejected)
            return Error.Conflict("order.status_invalid");
        var account = await db.Unscoped<Account>().AsNoTracking().Where(a => a.Id == order.AccountId).Select(a => a.Name).FirstAsync(ct);
        var exceeds = order.ContractId is { } contractId && order.Total > await rules.RemainingAsync(contractId, order.Total, ct);
        if (exceeds)
            await rules.SubmitAsync(order, account, ct);
        else
            order.Approval = OrderApproval.NotRequired;
        return null;
    }, ct);

    private async Task<Result> Step(Guid id, OrderAction input, Func<Order, Task<Error?>> step, CancellationToken ct)
    {
        var order = await db.Read<Order>().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return Error.NotFound("order.not_found");
        if (!OrderRules.MayWrite(me))
            return Error.Forbidden("order.read_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version != order.Version)
            return Error.Conflict();
        db.Entry(order).Property(o => o.Version).OriginalValue = input.Version!.Value;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await step(order) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        await tx.CommitAsync(ct);
        return Result.Success;
    }
}
