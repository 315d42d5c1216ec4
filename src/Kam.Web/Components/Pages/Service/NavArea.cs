using Kam.Web.Components.Layout;

// The left navigation's area of customer service (客户服务): cases, their figures and the service policy.
[assembly: NavArea("nav.service", "customer-service", 29)]
