using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Notifications;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>
/// The deadlines of open cases, checked with the other reminders (every 15 minutes): the handler is warned once when a
/// window reaches the policy's warning level; at the deadline the breach is recorded on the case (for the appraisal)
/// and the handler and the head are told, the executive too for a 重大 case. Each flag is set by a conditional update,
/// so with several servers one of them records a breach and the notices go out once.
/// </summary>
public sealed class ServiceReminders(IKamDb db, Notifier notifier, TimeProvider clock, FollowUpScheduler followUps)
{
    private const int Batch = 500;

    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var messages = new List<NotificationMessage>();
        var heads = await TargetAccess.ActiveIdsAsync(db, Roles.Head, ct);
        var executives = await TargetAccess.ActiveIdsAsync(db, Roles.Executive, ct);

        var responseWarn = await Brief(db.Unscoped<ServiceCase>().Where(c => c.Status == CaseStatus.New && !c.ResponseWarned && c.ResponseWarnAt <= now && c.ResponseDueAt > now), ct);
        foreach (var c in responseWarn)
        {
            if (await db.Unscoped<ServiceCase>().Where(x => x.Id == c.Id && !x.ResponseWarned).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResponseWarned, true), ct) == 1)
                messages.Add(Message(c.HandlerId, NotificationKinds.CaseWarning, $"case_warn:{c.Id}:response", c));
        }
        var resolutionWarn = await Brief(db.Unscoped<ServiceCase>().Where(c => (c.Status == CaseStatus.Acknowledged || c.Status == CaseStatus.InProgress)
            && !c.ResolutionWarned && c.ResolutionWarnAt <= now && c.ResolutionDueAt > now), ct);
        foreach (var c in resolutionWarn)
        {
            if (await db.Unscoped<ServiceCase>().Where(x => x.Id == c.Id && !x.ResolutionWarned).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResolutionWarned, true), ct) == 1)
                messages.Add(Message(c.HandlerId, NotificationKinds.CaseWarning, $"case_warn:{c.Id}:resolution", c));
        }

        var responseBreach = await Brief(db.Unscoped<ServiceCase>().Where(c => c.Status == CaseStatus.New && c.ResponseBreachedAt == null && c.ResponseDueAt <= now), ct);
        foreach (var c in responseBreach)
        {
            if (await db.Unscoped<ServiceCase>().Where(x => x.Id == c.Id && x.ResponseBreachedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResponseBreachedAt, x => (DateTimeOffset?)x.ResponseDueAt), ct) == 1)
                Breached(c, CaseEventKind.ResponseBreached, c.ResponseDueAt, "response", heads, executives, messages);
        }
        var resolutionBreach = await Brief(db.Unscoped<ServiceCase>().Where(c => (c.Status == CaseStatus.Acknowledged || c.Status == CaseStatus.InProgress)
            && c.ResolutionBreachedAt == null && c.ResolutionDueAt <= now), ct);
        foreach (var c in resolutionBreach)
        {
            if (await db.Unscoped<ServiceCase>().Where(x => x.Id == c.Id && x.ResolutionBreachedAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.ResolutionBreachedAt, x => (DateTimeOffset?)x.ResolutionDueAt), ct) == 1)
                Breached(c, CaseEventKind.ResolutionBreached, c.ResolutionDueAt, "resolution", heads, executives, messages);
        }
        await db.SaveChangesAsync(ct);
        var sent = await notifier.SendAsync(messages, ct);
        return sent + (await followUps.RunAsync(ct)).Notified;
    }

    private sealed record Due(Guid Id, string Number, string Title, Guid HandlerId, CaseSeverity Severity, DateTimeOffset ResponseDueAt, DateTimeOffset ResolutionDueAt);

    private static Task<List<Due>> Brief(IQueryable<ServiceCase> cases, CancellationToken ct) =>
        cases.OrderBy(c => c.ReceivedAt).Take(Batch).Select(c => new Due(c.Id, c.Number, c.Title, c.HandlerId, c.Severity, c.ResponseDueAt, c.ResolutionDueAt)).ToListAsync(ct);

    private void Breached(Due c, CaseEventKind kind, DateTimeOffset due, string which, List<Guid> heads, List<Guid> executives, List<NotificationMessage> messages)
    {
        db.Unscoped<CaseEvent>().Add(new CaseEvent { CaseId = c.Id, Kind = kind, At = due });
        var told = new List<Guid> { c.HandlerId };
        told.AddRange(heads);
        if (c.Severity == CaseSeverity.Critical)
            told.AddRange(executives);
        foreach (var person in told.Distinct())
            messages.Add(Message(person, NotificationKinds.CaseBreached, $"case_breach:{c.Id}:{which}", c));
    }

    private static NotificationMessage Message(Guid person, string kind, string key, Due c) =>
        new(person, kind, key, $"{c.Number} {c.Title}", Link: $"/cases/{c.Id}");
}
