using FluentValidation;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Orders;

/// <summary>
/// Shipments against an order. A regular shipment (发货) never takes a line beyond its ordered quantity and moves the
/// order to partly shipped / shipped. A make-up (补发货) refers to an original shipment of the same order and goes to
/// approval; once approved its quantities are added to the lines' approved make-up, and only then it can ship. So
/// what left the warehouse for a line never exceeds its ordered quantity plus its approved make-up.
/// </summary>
public sealed class Shipping(IKamDb db, ICurrentUser me, TimeProvider clock, IValidator<ShipmentInput> shipValidator, IValidator<MakeUpInput> makeUpValidator,
    IValidator<ShipmentStep> stepValidator, OrderNumbers numbers, ApprovalEngine approvals)
{
    public async Task<Result<Guid>> Ship(Guid orderId, ShipmentInput input, CancellationToken ct = default)
    {
        var order = await db.Read<Order>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
            return Error.NotFound("order.not_found");
        if (!OrderRules.MayWrite(me))
            return Error.Forbidden("order.read_only");
        if (await shipValidator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.PartlyShipped))
            return Error.Conflict("shipment.order_not_shippable");
        var on = input.ShippedOn ?? clock.Today();
        if (on > clock.Today() || on < order.OrderedOn)
            return Error.Validation("shippedOn", "shipment.date_invalid");
        if (LineErrors(order, input.Lines, (line, _) => line.Quantity - line.ShippedQuantity, "shipment.beyond_ordered") is { } tooMuch)
            return tooMuch;

        // The number first: its counter may be created with a save of its own, before anything of this shipment is tracked.
        var shipment = NewShipment(order, ShipmentKind.Regular, input.Lines, await numbers.NextShipmentAsync(false, ct));
        shipment.Status = ShipmentStatus.Shipped;
        shipment.ShippedOn = on;
        shipment.Amount = input.Lines.Sum(l => Shipment.ValueOf(order.Lines.First(x => x.Id == l.OrderLineId), l.Quantity!.Value));
        shipment.CreditedToId = order.CreditedToId ?? order.OwnerId;
        shipment.Carrier = Clean(input.Carrier);
        shipment.TrackingNumber = Clean(input.TrackingNumber);
        foreach (var l in input.Lines)
            order.Lines.First(x => x.Id == l.OrderLineId).ShippedQuantity += l.Quantity!.Value;
        order.Status = order.Lines.All(l => l.ShippedQuantity >= l.Quantity) ? OrderStatus.Shipped : OrderStatus.PartlyShipped;
        return await SaveNewAsync(shipment, ct);
    }

    public async Task<Result<Guid>> RequestMakeUp(Guid orderId, MakeUpInput input, CancellationToken ct = default)
    {
        var order = await db.Read<Order>().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
            return Error.NotFound("order.not_found");
        if (!OrderRules.MayWrite(me))
            return Error.Forbidden("order.read_only");
        if (await makeUpValidator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (order.Status is not (OrderStatus.PartlyShipped or OrderStatus.Shipped or OrderStatus.Delivered))
            return Error.Conflict("shipment.order_not_shippable");
        var original = await db.Unscoped<Shipment>().AsNoTracking().Include(s => s.Lines)
            .FirstOrDefaultAsync(s => s.Id == input.OriginalShipmentId && s.OrderId == order.Id, ct);
        if (original is null || original.Status is not (ShipmentStatus.Shipped or ShipmentStatus.Delivered))
            return Error.Validation("originalShipmentId", "shipment.original_invalid");
        var shippedThen = original.Lines.ToDictionary(l => l.OrderLineId, l => l.Quantity);
        if (LineErrors(order, input.Lines, (line, _) => shippedThen.GetValueOrDefault(line.Id), "shipment.beyond_original") is { } tooMuch)
            return tooMuch;

        var shipment = NewShipment(order, ShipmentKind.MakeUp, input.Lines, await numbers.NextShipmentAsync(true, ct));
        shipment.Status = ShipmentStatus.PendingApproval;
        shipment.OriginalShipmentId = original.Id;
        shipment.Reason = input.Reason;
        shipment.ReasonText = Clean(input.ReasonText);
        return await SaveNewAsync(shipment, ct, async () =>
        {
            var request = await approvals.SubmitAsync(new ApprovalSubmission(ApprovalDocuments.MakeUpShipment, shipment.Id, order.AccountId,
                $"{shipment.Number} {order.Number}", new ApprovalFacts(MakeUpValue(order, input.Lines), false), shipment.ReasonText), ct);
            shipment.ApprovalId = request.Id;
        });
    }

    /// <summary>Ships an approved make-up.</summary>
    public Task<Result> ShipMakeUp(Guid shipmentId, ShipmentStep input, CancellationToken ct = default) => Step(shipmentId, input, async (shipment, order) =>
    {
        if (shipment.Kind != ShipmentKind.MakeUp || shipment.Status != ShipmentStatus.Approved)
            return Error.Conflict(shipment.Status == ShipmentStatus.PendingApproval ? "shipment.not_approved" : "shipment.status_invalid");
        var on = input.On ?? clock.Today();
        if (on > clock.Today() || on < order.OrderedOn)
            return Error.Validation("on", "shipment.date_invalid");
        var lines = await db.Unscoped<OrderLine>().Where(l => l.OrderId == order.Id).ToListAsync(ct);
        foreach (var sl in shipment.Lines)
        {
            var line = lines.First(l => l.Id == sl.OrderLineId);
            if (line.MakeUpShipped + sl.Quantity > line.MakeUpApproved)
                return Error.Conflict("shipment.beyond_approved_makeup");
            line.MakeUpShipped += sl.Quantity;
        }
        shipment.Status = ShipmentStatus.Shipped;
        shipment.ShippedOn = on;
        shipment.Carrier = Clean(input.Carrier);
        shipment.TrackingNumber = Clean(input.TrackingNumber);
        return null;
    }, ct);

    public Task<Result> Deliver(Guid shipmentId, ShipmentStep input, CancellationToken ct = default) => Step(shipmentId, input, (shipment, _) =>
    {
        if (shipment.Status != ShipmentStatus.Shipped)
            return Task.FromResult<Error?>(Error.Conflict("shipment.status_invalid"));
        var on = input.On ?? clock.Today();
        if (on > clock.Today() || on < shipment.ShippedOn)
            return Task.FromResult<Error?>(Error.Validation("on", "shipment.date_invalid"));
        shipment.Status = ShipmentStatus.Delivered;
        shipment.DeliveredOn = on;
        return Task.FromResult<Error?>(null);
    }, ct);

    private async Task<Result> Step(Guid shipmentId, ShipmentStep input, Func<Shipment, Order, Task<Error?>> step, CancellationToken ct)
    {
        var shipment = await db.Read<Shipment>().Include(s => s.Lines).FirstOrDefaultAsync(s => s.Id == shipmentId, ct);
        if (shipment is null)
            return Error.NotFound("shipment.not_found");
        if (!OrderRules.MayWrite(me))
            return Error.Forbidden("order.read_only");
        if (await stepValidator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version != shipment.Version)
            return Error.Conflict();
        var order = await db.Unscoped<Order>().AsNoTracking().FirstAsync(o => o.Id == shipment.OrderId, ct);
        if (order.Status == OrderStatus.Cancelled)
            return Error.Conflict("shipment.order_not_shippable");
        db.Entry(shipment).Property(s => s.Version).OriginalValue = input.Version!.Value;
        if (await step(shipment, order) is { } refused)
        {
            db.ChangeTracker.Clear();
            return refused;
        }
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Each line once, on this order, within <paramref name="limit"/> (summed when a line is named twice).</summary>
    private static Error? LineErrors(Order order, List<ShipmentLineInput> input, Func<OrderLine, int, decimal> limit, string code)
    {
        var errors = new List<FieldError>();
        var taken = new Dictionary<Guid, decimal>();
        for (var i = 0; i < input.Count; i++)
        {
            var line = order.Lines.FirstOrDefault(l => l.Id == input[i].OrderLineId);
            if (line is null)
            {
                errors.Add(new FieldError($"lines[{i}].orderLineId", "shipment.line_unknown"));
                continue;
            }
            var sum = taken.GetValueOrDefault(line.Id) + input[i].Quantity!.Value;
            taken[line.Id] = sum;
            var max = limit(line, i);
            if (sum > max)
                errors.Add(new FieldError($"lines[{i}].quantity", code, max));
        }
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }

    private static Shipment NewShipment(Order order, ShipmentKind kind, List<ShipmentLineInput> input, string number)
    {
        var shipment = new Shipment { Number = number, OrderId = order.Id, AccountId = order.AccountId, Kind = kind };
        foreach (var group in input.GroupBy(l => l.OrderLineId!.Value))
            shipment.Lines.Add(new ShipmentLine { ShipmentId = shipment.Id, OrderLineId = group.Key, Quantity = group.Sum(l => l.Quantity!.Value) });
        return shipment;
    }

    /// <summary>What the make-up is worth at the order's prices (the approvers see it).</summary>
    private static decimal MakeUpValue(Order order, List<ShipmentLineInput> input) => Math.Round(input.Sum(l =>
    {
        var line = order.Lines.First(x => x.Id == l.OrderLineId);
        return line.Amount / line.Quantity * l.Quantity!.Value;
    }), 2, MidpointRounding.AwayFromZero);

    private async Task<Result<Guid>> SaveNewAsync(Shipment shipment, CancellationToken ct, Func<Task>? submit = null)
    {
        db.Unscoped<Shipment>().Add(shipment);
        if (submit is not null)
            await submit();
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return shipment.Id;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
