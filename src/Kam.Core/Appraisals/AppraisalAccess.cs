using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Appraisals;

/// <summary>Who does what in the appraisal: the head rates and submits, the head or the assistant drafts schemes and
/// opens a month, the executive approves through the approval engine; the person writes their own part.</summary>
public static class AppraisalAccess
{
    public static bool Drafts(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    public static bool Rates(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head);

    public static bool IsOpen(SchemeStatus status) => status is SchemeStatus.Draft or SchemeStatus.Rejected;

    /// <summary>The roles a scheme may appraise.</summary>
    public static IReadOnlyList<string> AppraisedRoles { get; } = [Roles.AccountManager, Roles.Assistant];
}
