using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Orders;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>What a step of a case records: a note (the first response, progress, why it waits, why it reopens), the
/// resolution with its root cause and corrective action, or the customer's word.</summary>
public sealed record CaseActionInput(string? Note = null, string? Resolution = null, string? RootCause = null, string? CorrectiveAction = null,
    bool? Satisfied = null, Guid? Version = null);

/// <summary>
/// The way of a case: new → acknowledged (first response) → in progress ⇄ waiting for the customer (the clock stands
/// still) → resolved → the customer's confirmation (not satisfied reopens it) → closed; reopened from resolved or closed.
/// A step done after its deadline records the breach on the case at once.
/// </summary>
public sealed class CaseFlow(IKamDb db, ICurrentUser me, TimeProvider clock, WorkCalendars calendars, Shipping shipping)
{
    private const int MaxNote = 2000;

    public Task<Result> Acknowledge(Guid id, CaseActionInput input, CancellationToken ct = default) => Step(id, input, [CaseStatus.New], async (c, now) =>
    {
        if (Required(input.Note, "note") is { } missing)
            return missing;
        var calendar = await calendars.CalendarAsync(ct);
        c.Status = CaseStatus.Acknowledged;
        c.AcknowledgedAt = now;
        c.FirstResponse = input.Note!.Trim();
        c.ResponseMinutes = calendar.WorkingMinutesBetween(c.ReceivedAt, now);
        if (now > c.ResponseDueAt && c.ResponseBreachedAt is null)
            Breach(c, CaseEventKind.ResponseBreached, c.ResponseDueAt);
        Event(c, CaseEventKind.Acknowledged, now, c.FirstResponse);
        return null;
    }, ct);

    public Task<Result> Progress(Guid id, CaseActionInput input, CancellationToken ct = default) =>
        Step(id, input, [CaseStatus.Acknowledged, CaseStatus.InProgress], (c, now) =>
        {
            if (Required(input.Note, "note") is { } missing)
                return Task.FromResult<Error?>(missing);
            c.Status = CaseStatus.InProgress;
            Event(c, CaseEventKind.Progress, now, input.Note!.Trim());
            return Task.FromResult<Error?>(null);
        }, ct);

    public Task<Result> Wait(Guid id, CaseActionInput input, CancellationToken ct = default) =>
        Step(id, input, [CaseStatus.Acknowledged, CaseStatus.InProgress], (c, now) =>
        {
            if (Required(input.Note, "note") is { } missing)
                return Task.FromResult<Error?>(missing);
            c.Status = CaseStatus.WaitingCustomer;
            c.PausedAt = now;
            Event(c, CaseEventKind.Waiting, now, input.Note!.Trim());
            return Task.FromResult<Error?>(null);
        }, ct);

    public Task<Result> Resume(Guid id, CaseActionInput input, CancellationToken ct = default) => Step(id, input, [CaseStatus.WaitingCustomer], async (c, now) =>
    {
        if (Optional(input.Note, "note") is { } tooLong)
            return tooLong;
        CaseClock.Resume(c, now, await calendars.CalendarAsync(ct));
        c.Status = CaseStatus.InProgress;
        Event(c, CaseEventKind.Resumed, now, input.Note?.Trim());
        return null;
    }, ct);

    public Task<Result> Resolve(Guid id, CaseActionInput input, CancellationToken ct = default) =>
        Step(id, input, [CaseStatus.Acknowledged, CaseStatus.InProgress, CaseStatus.WaitingCustomer], async (c, now) =>
        {
            var errors = new List<FieldError>();
            void Need(string? value, string field, bool required)
            {
                if (required && string.IsNullOrWhiteSpace(value))
                    errors.Add(new FieldError(field, "field.required"));
                else if (value?.Trim().Length > MaxNote)
                    errors.Add(new FieldError(field, "field.too_long", 0, MaxNote));
            }
            // A complaint says why it happened and what stops it happening again; a question needs its answer only.
            Need(input.Resolution, "resolution", true);
            Need(input.RootCause, "rootCause", c.Kind == CaseKind.Complaint);
            Need(input.CorrectiveAction, "correctiveAction", c.Kind == CaseKind.Complaint);
            if (errors.Count > 0)
                return Error.Validation(errors);
            var calendar = await calendars.CalendarAsync(ct);
            CaseClock.Resume(c, now, calendar);
            c.Status = CaseStatus.Resolved;
            c.ResolvedAt = now;
            c.Resolution = input.Resolution!.Trim();
            c.RootCause = string.IsNullOrWhiteSpace(input.RootCause) ? null : input.RootCause.Trim();
            c.CorrectiveAction = string.IsNullOrWhiteSpace(input.CorrectiveAction) ? null : input.CorrectiveAction.Trim();
            c.ResolutionMinutes = Math.Max(0, calendar.WorkingMinutesBetween(c.ReceivedAt, now) - c.PausedMinutes);
            (c.CustomerSatisfied, c.ConfirmedAt, c.CustomerFeedback) = (null, null, null);
            if (now > c.ResolutionDueAt && c.ResolutionBreachedAt is null)
                Breach(c, CaseEventKind.ResolutionBreached, c.ResolutionDueAt);
            Event(c, CaseEventKind.Resolved, now, c.Resolution);
            return null;
        }, ct);

    /// <summary>The customer's word on the resolution: satisfied stays resolved, ready to close; not satisfied reopens.</summary>
    public Task<Result> Confirm(Guid id, CaseActionInput input, CancellationToken ct = default) => Step(id, input, [CaseStatus.Resolved], async (c, now) =>
    {
        if (input.Satisfied is not { } satisfied)
            return Error.Validation("satisfied", "field.required");
        if (Optional(input.Note, "note") is { } tooLong)
            return tooLong;
        c.CustomerSatisfied = satisfied;
        c.CustomerFeedback = input.Note?.Trim();
        c.ConfirmedAt = now;
        Event(c, CaseEventKind.Confirmed, now, c.CustomerFeedback);
        if (!satisfied)
            await ReopenAsync(c, now, c.CustomerFeedback, ct);
        return null;
    }, ct);

    public Task<Result> Reopen(Guid id, CaseActionInput input, CancellationToken ct = default) =>
        Step(id, input, [CaseStatus.Resolved, CaseStatus.Closed], async (c, now) =>
        {
            if (Required(input.Note, "note") is { } missing)
                return missing;
            await ReopenAsync(c, now, input.Note!.Trim(), ct);
            return null;
        }, ct, allowClosed: true);

    /// <summary>Closes a resolved case; a 重大 complaint only by the head (the case cannot be closed without a resolution).</summary>
    public Task<Result> Close(Guid id, CaseActionInput input, CancellationToken ct = default) => Step(id, input, [CaseStatus.Resolved], (c, now) =>
    {
        if (ServiceAccess.NeedsHeadToClose(c) && !me.IsInRole(Roles.Head))
            return Task.FromResult<Error?>(Error.Forbidden("case.close_head_only"));
        if (Optional(input.Note, "note") is { } tooLong)
            return Task.FromResult<Error?>(tooLong);
        c.Status = CaseStatus.Closed;
        c.ClosedAt = now;
        c.ClosedById = me.Id;
        c.CloseNote = input.Note?.Trim();
        Event(c, CaseEventKind.Closed, now, c.CloseNote);
        return Task.FromResult<Error?>(null);
    }, ct, wrongState: "case.close_needs_resolution");

    /// <summary>Asks for a make-up shipment of the case's order (补货) through the orders' make-up flow and its approval;
    /// the case keeps the link.</summary>
    public async Task<Result<Guid>> RequestMakeUp(Guid id, MakeUpInput input, CancellationToken ct = default)
    {
        var c = await db.Read<ServiceCase>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return Error.NotFound("case.not_found");
        if (!ServiceAccess.Handles(me, c))
            return Error.Forbidden("case.not_handler");
        if (c.Status is CaseStatus.Closed or CaseStatus.Resolved)
            return Error.Conflict("case.makeup_open_only");
        if (c.OrderId is not { } orderId)
            return Error.Validation("orderId", "case.makeup_needs_order");
        if (c.MakeUpShipmentId is not null)
            return Error.Conflict("case.makeup_once");
        // The case is claimed first, guarded by its version: of two requests at once one goes on and the other gets a 409
        // before any shipment exists. The orders' flow then saves the shipment in its own transaction, and the link follows.
        var tracked = await db.Read<ServiceCase>().FirstAsync(x => x.Id == id, ct);
        db.Entry(tracked).Property(x => x.Version).OriginalValue = c.Version;
        db.Entry(tracked).State = EntityState.Modified;
        if (await db.SaveOrConflictAsync(ct) is { } taken)
            return taken;
        var requested = await shipping.RequestMakeUp(orderId, input, ct);
        if (!requested.IsSuccess)
            return requested.Error!;
        tracked.MakeUpShipmentId = requested.Value;
        db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = id, Kind = CaseEventKind.MakeUpRequested, At = clock.GetUtcNow(), ById = me.Id, Note = input.ReasonText });
        if (await db.SaveOrConflictAsync(ct) is not null)
        {
            // Edited in the moment between: the link is written on its own (the shipment must not be lost from the case).
            db.ChangeTracker.Clear();
            await db.Unscoped<ServiceCase>().Where(x => x.Id == id && x.MakeUpShipmentId == null).ExecuteUpdateAsync(u => u.SetProperty(x => x.MakeUpShipmentId, requested.Value), ct);
        }
        return requested.Value;
    }

    /// <summary>Back to work: the time it stood resolved counts as a wait (the clock did not run while the customer had it),
    /// so the resolution deadline moves on by it and a reopened case is not breached for the days it sat resolved.</summary>
    private async Task ReopenAsync(ServiceCase c, DateTimeOffset now, string? note, CancellationToken ct)
    {
        if (c.ResolvedAt is { } resolved)
        {
            c.PausedAt = resolved;
            CaseClock.Resume(c, now, await calendars.CalendarAsync(ct));
            c.ResolutionWarned = c.ResolutionWarned && now >= c.ResolutionWarnAt;
        }
        c.Status = CaseStatus.InProgress;
        c.ReopenCount++;
        (c.ClosedAt, c.ClosedById) = (null, null);
        Event(c, CaseEventKind.Reopened, now, note);
    }

    private void Breach(ServiceCase c, CaseEventKind kind, DateTimeOffset due)
    {
        if (kind == CaseEventKind.ResponseBreached)
            c.ResponseBreachedAt = due;
        else
            c.ResolutionBreachedAt = due;
        db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, Kind = kind, At = due });
    }

    private void Event(ServiceCase c, CaseEventKind kind, DateTimeOffset now, string? note) =>
        db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, Kind = kind, At = now, ById = me.Id, Note = note });

    private static Error? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? Error.Validation(field, "field.required") : Optional(value, field);

    private static Error? Optional(string? value, string field) =>
        value?.Trim().Length > MaxNote ? Error.Validation(field, "field.too_long", 0, MaxNote) : null;

    private async Task<Result> Step(Guid id, CaseActionInput input, CaseStatus[] from, Func<ServiceCase, DateTimeOffset, Task<Error?>> change, CancellationToken ct,
        bool allowClosed = false, string wrongState = "case.wrong_status")
    {
        var c = await db.Read<ServiceCase>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return Error.NotFound("case.not_found");
        if (!ServiceAccess.Handles(me, c))
            return Error.Forbidden("case.not_handler");
        if (c.Status == CaseStatus.Closed && !allowClosed)
            return Error.Conflict("case.closed");
        if (!from.Contains(c.Status))
            return Error.Conflict(wrongState);
        if (input.Version is { } version && version != c.Version)
            return Error.Conflict();
        if (input.Version is { } seen)
            db.Entry(c).Property(x => x.Version).OriginalValue = seen;
        if (await change(c, clock.GetUtcNow()) is { } refused)
            return refused;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }
}
