using Kam.Web.Components.Layout;

// The left navigation's area of budgets and expense claims (费用); its pages add their entries with [NavEntry].
[assembly: NavArea("nav.expenses", "account-book", 28)]
