using Kam.Core.Identity;
using Kam.Core.Users;
using Kam.Web.Setup;

namespace Kam.Web.Components.Pages.WorkItems;

/// <summary>The active people of the department who may attend meetings and own work items.</summary>
public static class People
{
    public static async Task<IReadOnlyList<UserRow>> ActiveStaffAsync(Op<ListUsers> users) =>
        (await users.Run(op => op.Handle(new ListUsersQuery(Active: true, PageSize: 200, Sort: "displayName")))).Items
            .Where(u => u.Roles.Any(Roles.Business.Contains)).ToList();
}
