using Kam.Core.Identity;
using Kam.Core.Users;

namespace Kam.Web.Components.Pages.WorkItems;

/// <summary>The active people of the department who may attend meetings and own work items.</summary>
public static class People
{
    private static readonly string[] BusinessRoles = [Roles.Executive, Roles.Head, Roles.Assistant, Roles.AccountManager];

    public static async Task<IReadOnlyList<UserRow>> ActiveStaffAsync(ListUsers users) =>
        (await users.Handle(new ListUsersQuery(Active: true, PageSize: 200, Sort: "displayName"))).Items
            .Where(u => u.Roles.Any(BusinessRoles.Contains)).ToList();
}
