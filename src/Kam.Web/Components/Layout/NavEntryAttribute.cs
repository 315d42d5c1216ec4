namespace Kam.Web.Components.Layout;

/// <summary>
/// Puts a page in the left navigation: a capability's pages declare their own entries, so a new capability adds its
/// pages (and, with <see cref="NavAreaAttribute"/>, its area) without editing a shared list. Who sees the entry is not
/// said here: it is whoever the page's own <c>[Authorize]</c> policy admits (<see cref="Kam.Core.Identity.Policies.RolesOf"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NavEntryAttribute(string area, string titleKey, string icon, int order) : Attribute
{
    public string Area { get; } = area;

    public string TitleKey { get; } = titleKey;

    public string Icon { get; } = icon;

    /// <summary>Position inside the area, smallest first.</summary>
    public int Order { get; } = order;
}

/// <summary>An area of the left navigation (its title key, icon and place among the areas), declared by the capability.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class NavAreaAttribute(string titleKey, string icon, int order) : Attribute
{
    public string TitleKey { get; } = titleKey;

    public string Icon { get; } = icon;

    public int Order { get; } = order;
}
