using System.Security.Claims;
using Kam.Core.Identity;

namespace Kam.Web.Components.Layout;

/// <summary>One entry of the left navigation; <see cref="Roles"/> empty means every signed-in user.</summary>
public sealed record NavItem(string TitleKey, string Href, string Icon, params string[] Roles)
{
    public bool VisibleTo(ClaimsPrincipal user) => Roles.Length == 0 || Roles.Any(user.IsInRole);
}

public sealed record NavArea(string TitleKey, string Icon, IReadOnlyList<NavItem> Items)
{
    public IReadOnlyList<NavItem> VisibleItems(ClaimsPrincipal user) => Items.Where(i => i.VisibleTo(user)).ToList();
}

/// <summary>
/// The areas of Kam in the order of domain.md (工作台, 客户档案, 拜访, 商机与合同, ...). Each capability adds its area
/// here when it lands: an area with no visible item is not shown.
/// </summary>
public static class NavAreas
{
    public static readonly NavItem Workbench = new("nav.workbench", "/", "dashboard");

    public static readonly IReadOnlyList<NavArea> Areas =
    [
        new("nav.archive", "contacts",
        [
            new NavItem("nav.accounts", "/accounts", "idcard", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.channel_agents", "/channel-agents", "shop", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.handover", "/accounts/handover", "swap", Roles.Head),
            new NavItem("nav.exports", "/accounts/exports", "export", Roles.Head),
            new NavItem("nav.tier_rules", "/accounts/tier-rules", "crown", Roles.Head),
        ]),
        new("nav.fieldwork", "car",
        [
            new NavItem("nav.visits", "/visits", "schedule", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.visit_calendar", "/visits/calendar", "calendar", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.overdue_visits", "/visits/overdue", "alert", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.daily_reports", "/daily-reports", "file-text", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.meetings", "/meetings", "team", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.tasks", "/tasks", "carry-out", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.visit_policy", "/visits/policy", "field-time", Roles.Head),
        ]),
        new("nav.deals", "fund",
        [
            new NavItem("nav.opportunities", "/opportunities", "project", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.pipeline", "/opportunities/pipeline", "funnel-plot", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.forecast", "/opportunities/forecast", "line-chart", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.contracts", "/contracts", "file-protect", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.orders", "/orders", "shopping-cart", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.shipments", "/shipments", "car", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.receivables", "/receivables", "account-book", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.payments", "/payments", "money-collect", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.products", "/products", "appstore", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.approvals", "/approvals", "audit", Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager),
            new NavItem("nav.approval_rules", "/approvals/rules", "branches", Roles.Head, Roles.Admin),
            new NavItem("nav.opportunity_stages", "/opportunities/stages", "ordered-list", Roles.Head),
        ]),
        new("nav.system", "setting",
        [
            new NavItem("nav.users", "/admin/users", "team", Roles.Admin),
            new NavItem("nav.audit", "/admin/audit", "audit", Roles.Head, Roles.Admin),
        ]),
    ];
}
