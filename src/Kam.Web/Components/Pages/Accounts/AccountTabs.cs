using System.Reflection;
using Kam.Core.Accounts;
using Microsoft.AspNetCore.Components;

namespace Kam.Web.Components.Pages.Accounts;

/// <summary>
/// Puts a component on the account page as a tab: a capability's panel declares its own tab, so a new capability
/// shows itself on the account without editing the account page. The panel may take any of the parameters
/// <c>Account</c> (<see cref="AccountDetail"/>), <c>AccountId</c>, <c>Archived</c> and <c>OnChanged</c>; it is given
/// the ones it declares, and is rendered only while its tab is open.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AccountTabAttribute(string key, string titleKey, int order) : Attribute
{
    /// <summary>The tab's key, also its <c>?tab=</c> value in links.</summary>
    public string Key { get; } = key;

    public string TitleKey { get; } = titleKey;

    /// <summary>Position among the tabs, smallest first (the profile and contacts come before every registered tab).</summary>
    public int Order { get; } = order;
}

/// <summary>The registered account tabs, found once in this assembly.</summary>
public static class AccountTabs
{
    public sealed record Tab(string Key, string TitleKey, int Order, Type Component, string[] Parameters);

    private static readonly string[] Offered = ["Account", "AccountId", "Archived", "OnChanged"];

    public static IReadOnlyList<Tab> All { get; } = typeof(AccountTabs).Assembly.GetTypes()
        .Select(t => (Type: t, Tab: t.GetCustomAttribute<AccountTabAttribute>()))
        .Where(x => x.Tab is not null)
        .Select(x => new Tab(x.Tab!.Key, x.Tab.TitleKey, x.Tab.Order, x.Type,
            x.Type.GetProperties().Where(p => p.GetCustomAttribute<ParameterAttribute>() is not null && Offered.Contains(p.Name)).Select(p => p.Name).ToArray()))
        .OrderBy(t => t.Order).ThenBy(t => t.Key, StringComparer.Ordinal)
        .ToList();

    /// <summary>The parameters a tab's component takes, from what the account page offers.</summary>
    public static Dictionary<string, object?> ParametersOf(Tab tab, AccountDetail account, EventCallback changed) =>
        tab.Parameters.ToDictionary(p => p, p => p switch
        {
            "Account" => account,
            "AccountId" => account.Id,
            "Archived" => account.Archived,
            _ => (object?)changed,
        });
}
