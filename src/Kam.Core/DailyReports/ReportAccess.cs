using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.DailyReports;

/// <summary>
/// Who sees and does what with daily reports: an account manager writes and reads their own; the head, the assistant
/// and the executive read everyone's and the day summary; only the head reviews; the head and the assistant compile the
/// day summary.
/// </summary>
public static class ReportAccess
{
    public static bool ReadsAll(ICurrentUser me) =>
        me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant) || me.IsInRole(Roles.Executive);

    public static bool Writes(ICurrentUser me) => me.IsInRole(Roles.AccountManager) && me.Id is not null;

    public static bool Reviews(ICurrentUser me) => me.IsInRole(Roles.Head);

    public static bool CompilesSummary(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    /// <summary>The day summary quotes everyone's reports and accounts: only those who read every report read it.</summary>
    public static bool ReadsSummary(ICurrentUser me) => ReadsAll(me);
}
