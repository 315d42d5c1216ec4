using Kam.Core.Common;
using Kam.Core.Identity;

namespace Kam.Core.Plans;

/// <summary>Who drafts the department's plans: the head and the assistant (the executive approves; account managers read).</summary>
public static class PlanAccess
{
    public static bool Drafts(ICurrentUser me) => me.IsSystem || me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant);

    public static bool IsOpen(PlanStatus status) => status is PlanStatus.Draft or PlanStatus.Rejected;
}
