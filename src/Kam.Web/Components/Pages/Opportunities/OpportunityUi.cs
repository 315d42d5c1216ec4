using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Opportunities;

namespace Kam.Web.Components.Pages.Opportunities;

/// <summary>Small helpers shared by the project pages.</summary>
public static class OpportunityUi
{
    /// <summary>Shows the write buttons (the handlers decide again).</summary>
    public static bool Writes(ICurrentUser me) =>
        me.IsInRole(Roles.Head) || me.IsInRole(Roles.Assistant) || me.IsInRole(Roles.AccountManager);

    public static string StatusColor(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Won => "green",
        OpportunityStatus.Lost => "red",
        _ => "blue",
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "";
}
