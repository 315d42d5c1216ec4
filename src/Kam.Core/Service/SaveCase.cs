using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Orders;
using Kam.Core.Users;
using Kam.Core.Visits;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

public sealed record CaseInput(CaseKind? Kind, Guid? AccountId, Guid? ContactId, CaseChannel? Channel, string? Category, CaseSeverity? Severity,
    string? Title, string? Description, Guid? OrderId = null, Guid? ShipmentId = null, Guid? ContractId = null, Guid? VisitId = null,
    Guid? HandlerId = null, IReadOnlyList<Guid>? InvolvedIds = null, DateTimeOffset? ReceivedAt = null, Guid? Version = null);

/// <summary>Opens a case, edits its facts, and hands it to another handler (each recorded on the case's history).</summary>
public sealed class SaveCase(IKamDb db, ICurrentUser me, TimeProvider clock, ServicePolicies policies, WorkCalendars calendars, Notifier notifier, OrderNumbers numbers)
{
    public const int MaxInvolved = 10;

    public async Task<Result<Guid>> Create(CaseInput input, CancellationToken ct = default)
    {
        if (!ServiceAccess.Opens(me))
            return Error.Forbidden("case.open_forbidden");
        var policy = await policies.Get(ct);
        var now = clock.GetUtcNow();
        if (await CheckAsync(input, policy, null, now, ct) is { } invalid)
            return invalid;
        var ownerId = await db.Read<Account>().Where(a => a.Id == input.AccountId).Select(a => a.OwnerId).FirstAsync(ct);
        var c = new ServiceCase
        {
            Number = await numbers.NextInSeriesAsync("case", "KF", ct),
            Status = CaseStatus.New,
            ReceivedAt = input.ReceivedAt ?? now,
            HandlerId = input.HandlerId ?? ownerId,
        };
        Apply(c, input);
        CaseClock.SetDeadlines(c, policy, await calendars.CalendarAsync(ct));
        db.Unscoped<ServiceCase>().Add(c);
        db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Opened, At = now, ById = me.Id, ToUserId = c.HandlerId });
        if (c.HandlerId != me.Id)
            notifier.Add(new NotificationMessage(c.HandlerId, NotificationKinds.CaseAssigned, $"case_assigned:{c.Id}:{c.HandlerId}", $"{c.Number} {c.Title}", Link: $"/cases/{c.Id}"));
        if (ServiceAccess.NeedsHeadToClose(c))
        {
            foreach (var head in await Kam.Core.Targets.TargetAccess.ActiveIdsAsync(db, Roles.Head, ct))
            {
                if (head != me.Id && head != c.HandlerId)
                    notifier.Add(new NotificationMessage(head, NotificationKinds.CaseCritical, $"case_critical:{c.Id}", $"{c.Number} {c.Title}", Link: $"/cases/{c.Id}"));
            }
        }
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : c.Id;
    }

    /// <summary>Edits the facts of an open case; a change of kind or severity recomputes its deadlines from its receipt.</summary>
    public async Task<Result> Update(Guid id, CaseInput input, CancellationToken ct = default)
    {
        var c = await db.Read<ServiceCase>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return Error.NotFound("case.not_found");
        if (!ServiceAccess.Handles(me, c))
            return Error.Forbidden("case.not_handler");
        if (c.Status is CaseStatus.Closed or CaseStatus.Resolved)
            return Error.Conflict(c.Status == CaseStatus.Closed ? "case.closed" : "case.resolved_fixed");
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        // What the deadlines rest on (kind, severity, when it was received) is the desk's to change, not the handler's:
        // a handler lowering a 重大 complaint would close it without the head, or restart their own clock.
        if (!ServiceAccess.Desk(me) && (input.Kind != c.Kind || input.Severity != c.Severity || (input.ReceivedAt is { } r && r != c.ReceivedAt)))
            return Error.Forbidden("case.terms_desk_only");
        if (version != c.Version)
            return Error.Conflict();
        if (input.AccountId is { } account && account != c.AccountId)
            return Error.Validation("accountId", "case.account_fixed");
        var policy = await policies.Get(ct);
        var now = clock.GetUtcNow();
        if (await CheckAsync(input with { AccountId = c.AccountId }, policy, c, now, ct) is { } invalid)
            return invalid;
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        var (kind, severity, received, handler) = (c.Kind, c.Severity, c.ReceivedAt, c.HandlerId);
        Apply(c, input);
        if (input.ReceivedAt is { } at)
            c.ReceivedAt = at;
        if (kind != c.Kind || severity != c.Severity || received != c.ReceivedAt)
            CaseClock.SetDeadlines(c, policy, await calendars.CalendarAsync(ct));
        db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.Edited, At = now, ById = me.Id });
        if (input.HandlerId is { } to && to != handler)
            HandOver(c, handler, to, null, now);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>Gives the case to another handler (the desk, or the handler passing it on), with a note.</summary>
    public async Task<Result> Reassign(Guid id, CaseHandoverInput input, CancellationToken ct = default)
    {
        var c = await db.Read<ServiceCase>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
            return Error.NotFound("case.not_found");
        if (!ServiceAccess.Handles(me, c))
            return Error.Forbidden("case.not_handler");
        if (c.Status == CaseStatus.Closed)
            return Error.Conflict("case.closed");
        if (input.Version is { } version && version != c.Version)
            return Error.Conflict();
        var owner = await db.Unscoped<Account>().Where(a => a.Id == c.AccountId).Select(a => a.OwnerId).FirstAsync(ct);
        if (input.HandlerId is not { } to || !await HandlerExists(to, c.AccountId, owner, ct))
            return Error.Validation("handlerId", "case.handler_invalid");
        if (input.Note?.Trim().Length > 1000)
            return Error.Validation("note", "field.too_long", 0, 1000);
        if (to == c.HandlerId)
            return Result.Success;
        if (input.Version is { } seen)
            db.Entry(c).Property(x => x.Version).OriginalValue = seen;
        HandOver(c, c.HandlerId, to, input.Note?.Trim(), clock.GetUtcNow());
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    private void HandOver(ServiceCase c, Guid from, Guid to, string? note, DateTimeOffset now)
    {
        c.HandlerId = to;
        db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, Kind = CaseEventKind.HandedOver, At = now, ById = me.Id, FromUserId = from, ToUserId = to, Note = note });
        if (to != me.Id)
            notifier.Add(new NotificationMessage(to, NotificationKinds.CaseAssigned, $"case_assigned:{c.Id}:{to}:{now.ToUnixTimeSeconds()}", $"{c.Number} {c.Title}", Link: $"/cases/{c.Id}"));
    }

    private static void Apply(ServiceCase c, CaseInput input)
    {
        c.Kind = input.Kind!.Value;
        c.AccountId = input.AccountId!.Value;
        c.ContactId = input.ContactId;
        c.Channel = input.Channel!.Value;
        c.Category = input.Category!.Trim().ToLowerInvariant();
        c.Severity = input.Severity!.Value;
        c.Title = input.Title!.Trim();
        c.Description = input.Description!.Trim();
        c.OrderId = input.OrderId;
        // The shipment, contract and visit a case was opened about stay unless another is named.
        c.ShipmentId = input.ShipmentId ?? c.ShipmentId;
        c.ContractId = input.ContractId ?? c.ContractId;
        c.VisitId = input.VisitId ?? c.VisitId;
        var involved = (input.InvolvedIds ?? []).Distinct().ToList();
        c.Involved = involved.Count == 0 ? null : string.Join(',', involved);
    }

    private async Task<Error?> CheckAsync(CaseInput input, ServicePolicyView policy, ServiceCase? existing, DateTimeOffset now, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add(new FieldError("kind", "field.required"));
        if (input.Channel is not { } channel || !Enum.IsDefined(channel))
            errors.Add(new FieldError("channel", "field.required"));
        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
            errors.Add(new FieldError("severity", "field.required"));
        var category = input.Category?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(category))
            errors.Add(new FieldError("category", "field.required"));
        else if (!policy.Categories.Any(c => c.Code == category && (c.Active || existing?.Category == category)))
            errors.Add(new FieldError("category", "case.category_unknown"));
        if (string.IsNullOrWhiteSpace(input.Title))
            errors.Add(new FieldError("title", "field.required"));
        else if (input.Title.Trim().Length > 200)
            errors.Add(new FieldError("title", "field.too_long", 0, 200));
        if (string.IsNullOrWhiteSpace(input.Description))
            errors.Add(new FieldError("description", "field.required"));
        else if (input.Description.Trim().Length > 4000)
            errors.Add(new FieldError("description", "field.too_long", 0, 4000));
        if (input.ReceivedAt is { } received && received != existing?.ReceivedAt && (received > now.AddMinutes(5) || received < now.AddDays(-90)))
            errors.Add(new FieldError("receivedAt", "case.received_range", 90));
        if ((input.InvolvedIds?.Count ?? 0) > MaxInvolved)
            errors.Add(new FieldError("involvedIds", "case.too_many_involved", MaxInvolved));
        if (input.AccountId is not { } accountId)
        {
            errors.Add(new FieldError("accountId", "field.required"));
            return Error.Validation(errors);
        }
        if (!await db.Read<Account>().AnyAsync(a => a.Id == accountId && a.ArchivedAt == null, ct))
        {
            errors.Add(new FieldError("accountId", "case.account_unknown"));
            return Error.Validation(errors);
        }
        if (input.ContactId is { } contact && !await db.Read<Contact>().AnyAsync(x => x.Id == contact && x.AccountId == accountId, ct))
            errors.Add(new FieldError("contactId", "case.not_of_account"));
        if (input.OrderId is { } order && !await db.Read<Order>().AnyAsync(x => x.Id == order && x.AccountId == accountId, ct))
            errors.Add(new FieldError("orderId", "case.not_of_account"));
        if (input.ShipmentId is { } shipment && shipment != existing?.ShipmentId && !await db.Read<Shipment>().AnyAsync(x => x.Id == shipment && x.AccountId == accountId, ct))
            errors.Add(new FieldError("shipmentId", "case.not_of_account"));
        if (input.ContractId is { } contract && contract != existing?.ContractId && !await db.Read<Contract>().AnyAsync(x => x.Id == contract && x.AccountId == accountId, ct))
            errors.Add(new FieldError("contractId", "case.not_of_account"));
        if (input.VisitId is { } visit && visit != existing?.VisitId && !await db.Read<Visit>().AnyAsync(x => x.Id == visit && x.AccountId == accountId, ct))
            errors.Add(new FieldError("visitId", "case.not_of_account"));
        var owner = await db.Read<Account>().Where(a => a.Id == accountId).Select(a => a.OwnerId).FirstAsync(ct);
        if (input.HandlerId is { } handler && handler != existing?.HandlerId && !await HandlerExists(handler, accountId, owner, ct))
            errors.Add(new FieldError("handlerId", "case.handler_invalid"));
        foreach (var person in (input.InvolvedIds ?? []).Distinct().Take(MaxInvolved))
        {
            if (!await db.Unscoped<User>().AnyAsync(u => u.Id == person && u.IsActive, ct))
            {
                errors.Add(new FieldError("involvedIds", "case.handler_invalid"));
                break;
            }
        }
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }

    /// <summary>An active account manager, assistant or head who sees the account (<see cref="ServiceAccess.MaySeeAsync"/>).</summary>
    private async Task<bool> HandlerExists(Guid userId, Guid accountId, Guid ownerId, CancellationToken ct)
    {
        string[] roles = [Roles.AccountManager, Roles.Assistant, Roles.Head];
        var works = await (from u in db.Unscoped<User>()
                           join ur in db.Unscoped<IdentityUserRole<Guid>>() on u.Id equals ur.UserId
                           join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                           where u.Id == userId && u.IsActive && roles.Contains(r.Name!)
                           select u.Id).AnyAsync(ct);
        return works && await ServiceAccess.MaySeeAsync(db, userId, accountId, ownerId, ct);
    }
}

public sealed record CaseHandoverInput(Guid? HandlerId, string? Note, Guid? Version);
