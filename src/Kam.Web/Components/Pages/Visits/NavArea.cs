using Kam.Web.Components.Layout;

// The left navigation's area of this capability; its pages add their entries with [NavEntry].
[assembly: NavArea("nav.fieldwork", "car", 20)]
