using Kam.Core.Opportunities;

namespace Kam.Web.Components.Pages.Opportunities;

/// <summary>Small helpers shared by the project pages.</summary>
public static class OpportunityUi
{
    public static string StatusColor(OpportunityStatus status) => status switch
    {
        OpportunityStatus.Won => "green",
        OpportunityStatus.Lost => "red",
        _ => "blue",
    };

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd") ?? "";
}
