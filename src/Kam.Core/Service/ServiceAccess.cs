using Kam.Core.Accounts;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Service;

/// <summary>Who may do what with cases (the data scope decides which cases they see at all).</summary>
public static class ServiceAccess
{
    /// <summary>Opens cases: the account managers, the assistant and the head.</summary>
    public static bool Opens(ICurrentUser me) =>
        me.IsSystem || me.IsInRole(Roles.AccountManager) || me.IsInRole(Roles.Assistant) || me.IsInRole(Roles.Head);

    /// <summary>Sees every case and may act on any (the head and the assistant, who keeps the service desk).</summary>
    public static bool Desk(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    /// <summary>Works on this case: its handler, or the desk.</summary>
    public static bool Handles(ICurrentUser me, ServiceCase c) => Desk(me) || (me.Id is { } id && c.HandlerId == id);

    /// <summary>
    /// Whether a person may be given a case or a follow-up of an account: active, and one who sees the account — its
    /// owner, a member of its team, or the head or the assistant. Anyone else would get a 404 on the record they are asked
    /// to handle, and its number and title in their notifications.
    /// </summary>
    public static async Task<bool> MaySeeAsync(IKamDb db, Guid userId, Guid accountId, Guid ownerId, CancellationToken ct)
    {
        if (!await db.Unscoped<User>().AnyAsync(u => u.Id == userId && u.IsActive, ct))
            return false;
        if (userId == ownerId || await db.Unscoped<AccountMember>().AnyAsync(m => m.AccountId == accountId && m.UserId == userId, ct))
            return true;
        string[] desk = [Roles.Head, Roles.Assistant];
        return await (from ur in db.Unscoped<IdentityUserRole<Guid>>()
                      join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                      where ur.UserId == userId && desk.Contains(r.Name!)
                      select ur.UserId).AnyAsync(ct);
    }

    /// <summary>A 重大 complaint is closed by the head only.</summary>
    public static bool NeedsHeadToClose(ServiceCase c) => c.Kind == CaseKind.Complaint && c.Severity == CaseSeverity.Critical;
}

/// <summary>The deadlines of a case from its receipt, kind and severity, and the pauses it has had.</summary>
public static class CaseClock
{
    public static void SetDeadlines(ServiceCase c, ServicePolicyView policy, WorkCalendar calendar)
    {
        var rule = policy.Rules.First(r => r.Kind == c.Kind && r.Severity == c.Severity);
        c.ResponseDueAt = calendar.AddWorkingMinutes(c.ReceivedAt, rule.ResponseMinutes);
        c.ResponseWarnAt = calendar.AddWorkingMinutes(c.ReceivedAt, rule.ResponseMinutes * policy.WarnPercent / 100);
        c.ResolutionDueAt = calendar.AddWorkingMinutes(c.ReceivedAt, rule.ResolutionMinutes + c.PausedMinutes);
        c.ResolutionWarnAt = calendar.AddWorkingMinutes(c.ReceivedAt, (rule.ResolutionMinutes * policy.WarnPercent / 100) + c.PausedMinutes);
    }

    /// <summary>The clock runs again: the working time spent waiting moves the resolution deadline (and its warning) on.</summary>
    public static void Resume(ServiceCase c, DateTimeOffset now, WorkCalendar calendar)
    {
        if (c.PausedAt is not { } since)
            return;
        var waited = calendar.WorkingMinutesBetween(since, now);
        c.PausedMinutes += waited;
        c.PausedAt = null;
        // A deadline already passed when the wait began stays passed.
        if (since < c.ResolutionDueAt)
            c.ResolutionDueAt = calendar.AddWorkingMinutes(c.ResolutionDueAt, waited);
        if (since < c.ResolutionWarnAt)
            c.ResolutionWarnAt = calendar.AddWorkingMinutes(c.ResolutionWarnAt, waited);
    }
}
