using Kam.Web.Components.Layout;

// The left navigation's area of the plans and targets; its pages add their entries with [NavEntry].
[assembly: NavArea("nav.plans", "aim", 25)]
