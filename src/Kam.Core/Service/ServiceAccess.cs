using Kam.Core.Common;
using Kam.Core.Identity;

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
