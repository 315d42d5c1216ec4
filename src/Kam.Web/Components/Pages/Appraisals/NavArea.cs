using Kam.Web.Components.Layout;

// The left navigation's area of performance (绩效与提成): the monthly appraisal, its schemes and the reward and fault reports.
[assembly: NavArea("nav.performance", "trophy", 32)]
