using FluentValidation;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Payments;

/// <summary>
/// Records money received (回款) and reverses a payment entered by mistake (no deletes). A payment never exceeds
/// what is still due on its instalment: the instalment is saved with the version it was read at, so of two payments
/// recorded at the same moment the second is refused (409) instead of overpaying. The order's collected amount
/// follows in the same transaction, set by statement so the order itself keeps its version.
/// </summary>
public sealed class RecordPayment(IKamDb db, PaymentRules rules, IValidator<PaymentInput> validator)
{
    public async Task<Result<Guid>> Create(PaymentInput input, CancellationToken ct = default)
    {
        if (!rules.Writes)
            return Error.Forbidden("payment.read_only");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var found = await FindInstalment(input, ct);
        if (!found.IsSuccess)
            return found.Error!;
        var instalment = found.Value;
        if (input.ReceivedOn > rules.Today)
            return Error.Validation("receivedOn", "payment.received_in_future");
        var amount = PaymentRules.Money(input.Amount!.Value);
        var due = PaymentRules.Due(instalment);
        if (amount > due)
            return Error.Validation("amount", "payment.exceeds_due", Money.Format(due));

        var payment = new Payment
        {
            AccountId = instalment.AccountId,
            InstalmentId = instalment.Id,
            ContractId = instalment.ContractId,
            OrderId = instalment.OrderId,
            ReceivedOn = input.ReceivedOn!.Value,
            Amount = amount,
            Method = input.Method!.Value,
            Reference = Text(input.Reference),
            Note = Text(input.Note),
        };
        db.Unscoped<Payment>().Add(payment);
        instalment.Collected += amount;
        instalment.Settled = instalment.Collected >= instalment.Amount;
        return await SaveAsync(instalment, ct) is { } conflict ? conflict : payment.Id;
    }

    public async Task<Result> Reverse(Guid id, PaymentReversalInput input, CancellationToken ct = default)
    {
        var payment = await db.Read<Payment>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (payment is null)
            return Error.NotFound("payment.not_found");
        if (!rules.Writes)
            return Error.Forbidden("payment.read_only");
        if (payment.ReversedAt is not null)
            return Error.Conflict("payment.already_reversed");
        if (string.IsNullOrWhiteSpace(input.Reason))
            return Error.Validation("reason", "payment.reversal_reason_required");
        if (input.Reason.Length > 500)
            return Error.Validation("reason", "field.too_long", 0, 500);
        if (input.Version is null)
            return Error.Validation("version", "field.version_required");
        var instalment = await db.Unscoped<Instalment>().FirstAsync(i => i.Id == payment.InstalmentId, ct);
        db.Entry(payment).Property(p => p.Version).OriginalValue = input.Version.Value;
        payment.ReversedAt = rules.Now;
        payment.ReversalReason = input.Reason.Trim();
        instalment.Collected -= payment.Amount;
        // A receivable written off with its cancelled order stays settled.
        var writtenOff = instalment.OrderId is { } orderId
            && await db.Unscoped<Order>().AnyAsync(o => o.Id == orderId && o.Status == OrderStatus.Cancelled, ct);
        instalment.Settled = writtenOff || instalment.Collected >= instalment.Amount;
        return await SaveAsync(instalment, ct) is { } conflict ? conflict : Result.Success;
    }

    private async Task<Result<Instalment>> FindInstalment(PaymentInput input, CancellationToken ct)
    {
        if (input.InstalmentId is { } instalmentId)
        {
            var instalment = await db.Read<Instalment>().FirstOrDefaultAsync(i => i.Id == instalmentId, ct);
            if (instalment is null)
                return Error.NotFound("payment.instalment_not_found");
            if (input.OrderId is { } o && instalment.OrderId != o)
                return Error.Validation("instalmentId", "payment.instalment_not_of_order");
            if (input.ContractId is { } c && instalment.ContractId != c)
                return Error.Validation("instalmentId", "payment.instalment_not_of_contract");
            return instalment;
        }
        if (input.OrderId is { } orderId)
        {
            if (!await db.Read<Order>().AnyAsync(o => o.Id == orderId, ct))
                return Error.NotFound("payment.order_not_found");
            var own = await db.Unscoped<Instalment>().Where(i => i.OrderId == orderId).OrderBy(i => i.Settled).ThenBy(i => i.DueOn).FirstOrDefaultAsync(ct);
            return own is null ? Error.Validation("orderId", "payment.order_no_receivable") : own;
        }
        if (input.ContractId is { } contractId)
        {
            if (!await db.Read<Contract>().AnyAsync(c => c.Id == contractId, ct))
                return Error.NotFound("payment.contract_not_found");
            return Error.Validation("instalmentId", "payment.instalment_required");
        }
        return Error.Validation("instalmentId", "payment.instalment_required");
    }

    /// <summary>The payment and its instalment (version checked), then the order's collected amount, in one transaction.</summary>
    private async Task<Error?> SaveAsync(Instalment instalment, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        if (instalment.OrderId is { } orderId)
        {
            var collected = await db.Unscoped<Instalment>().Where(i => i.OrderId == orderId).SumAsync(i => i.Collected, ct);
            await db.Unscoped<Order>().Where(o => o.Id == orderId).ExecuteUpdateAsync(s => s.SetProperty(o => o.Collected, collected), ct);
        }
        await tx.CommitAsync(ct);
        return null;
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
