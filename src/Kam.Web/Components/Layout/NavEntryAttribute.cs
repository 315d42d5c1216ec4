namespace Kam.Web.Components.Layout;

/// <summary>
/// Puts a page in the left navigation: a capability's pages declare their own entries, so a new capability adds its
/// pages (and, with <see cref="NavAreaAttribute"/>, its area) without editing a shared list. The page-walk test opens
/// every entry as every role.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class NavEntryAttribute(string area, string titleKey, string icon, int order, params string[] roles) : Attribute
{
    public string Area { get; } = area;

    public string TitleKey { get; } = titleKey;

    public string Icon { get; } = icon;

    /// <summary>Position inside the area, smallest first.</summary>
    public int Order { get; } = order;

    /// <summary>Who sees the entry; empty: every signed-in user.</summary>
    public string[] Roles { get; } = roles;
}

/// <summary>An area of the left navigation (its title key, icon and place among the areas), declared by the capability.</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class NavAreaAttribute(string titleKey, string icon, int order) : Attribute
{
    public string TitleKey { get; } = titleKey;

    public string Icon { get; } = icon;

    public int Order { get; } = order;
}
