using System.Reflection;
using System.Security.Claims;
using Kam.Core.Identity;
using Microsoft.AspNetCore.Authorization;

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
/// The areas of Kam in the order of domain.md (工作台, 客户档案, 拜访, 商机与合同, ...), gathered from the capabilities:
/// each declares its area with <see cref="NavAreaAttribute"/> and each page its entry with <see cref="NavEntryAttribute"/>
/// beside its <c>@page</c> route. An area with no visible item is not shown.
/// </summary>
public static class NavAreas
{
    public static readonly NavItem Workbench = new("nav.workbench", "/", "dashboard");

    public static readonly IReadOnlyList<NavArea> Areas = Gather(typeof(NavAreas).Assembly);

    public static IReadOnlyList<NavArea> Gather(Assembly assembly)
    {
        var entries = assembly.GetTypes()
            .Select(t => (Type: t, Entry: t.GetCustomAttribute<NavEntryAttribute>(), Route: t.GetCustomAttributes<Microsoft.AspNetCore.Components.RouteAttribute>().FirstOrDefault()))
            .Where(x => x.Entry is not null)
            .Select(x => (x.Entry!, Href: x.Route?.Template ?? throw new InvalidOperationException($"{x.Type.Name} is in the navigation but has no @page route"), Roles: RolesOf(x.Type)))
            .ToList();
        var areas = assembly.GetCustomAttributes<NavAreaAttribute>().OrderBy(a => a.Order).ToList();
        var orphan = entries.Select(e => e.Item1.Area).Except(areas.Select(a => a.TitleKey)).ToList();
        if (orphan.Count > 0)
            throw new InvalidOperationException($"navigation entries of undeclared areas: {string.Join(", ", orphan)}");
        return areas.Select(a => new NavArea(a.TitleKey, a.Icon, entries.Where(e => e.Item1.Area == a.TitleKey)
                .OrderBy(e => e.Item1.Order).Select(e => new NavItem(e.Item1.TitleKey, e.Href, e.Item1.Icon, e.Roles)).ToList()))
            .ToList();
    }

    /// <summary>The roles the page's [Authorize] policy admits; none named: every signed-in user.</summary>
    private static string[] RolesOf(Type page)
    {
        var policies = page.GetCustomAttributes<AuthorizeAttribute>().Select(a => a.Policy).OfType<string>().ToList();
        var roles = policies.Select(p => Policies.RolesOf.TryGetValue(p, out var r) ? r : throw new InvalidOperationException($"{page.Name} names the unknown policy {p}")).ToList();
        return roles.Count == 0 ? [] : roles.Aggregate((a, b) => a.Intersect(b).ToList()).ToArray();
    }
}
