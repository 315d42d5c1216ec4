using Kam.Core.Identity;
using Kam.Web.Components.Layout;

namespace Kam.Web.Tests;

/// <summary>The left navigation gathered from the pages' own [NavEntry] declarations, area by area.</summary>
public sealed class NavigationTests
{
    [Fact]
    public void The_areas_and_their_pages_come_in_the_department_s_order()
    {
        var areas = NavAreas.Areas.Select(a => (a.TitleKey, string.Join(" ", a.Items.Select(i => i.Href)))).ToList();
        Assert.Equal(
            [
                ("nav.archive", "/accounts /channel-agents /accounts/handover /accounts/exports /accounts/tier-rules"),
                ("nav.fieldwork", "/visits /visits/calendar /visits/overdue /daily-reports /meetings /tasks /visits/policy"),
                ("nav.plans", "/targets /targets/breakdown /plans /plans/actions"),
                ("nav.expenses", "/expenses /budgets /activities /budgets/execution /budgets/categories"),
                ("nav.service", "/cases /follow-ups /service/stats /service/satisfaction /service/settings /service/surveys"),
                ("nav.deals", "/opportunities /opportunities/pipeline /opportunities/forecast /contracts /orders /shipments /receivables /payments /products /approvals /approvals/rules /opportunities/stages"),
                ("nav.performance", "/appraisals /commission-runs /appraisal-schemes /commission-schemes /rewards-faults /commission-calculator"),
                ("nav.system", "/admin/users /admin/audit /service/calendar"),
            ],
            areas);
    }

    [Fact]
    public void Each_entry_is_shown_only_to_the_roles_its_page_s_policy_admits()
    {
        var items = NavAreas.Areas.SelectMany(a => a.Items).ToDictionary(i => i.Href);
        Assert.Equal([Roles.Head], items["/accounts/handover"].Roles);
        Assert.Equal([Roles.Head, Roles.Admin], items["/approvals/rules"].Roles);
        Assert.Equal([Roles.Head], items["/budgets/categories"].Roles);
        Assert.Equal([Roles.Admin], items["/admin/users"].Roles);
        Assert.Equal([Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager], items["/contracts"].Roles);
        Assert.All(items.Values, i => Assert.NotEmpty(i.Roles));
    }
}
