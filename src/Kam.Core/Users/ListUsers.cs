using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Users;

public sealed record ListUsersQuery(string? Search = null, string? Role = null, bool? Active = null, int Page = 1, int PageSize = 20, string? Sort = null);

public sealed class ListUsers(IKamDb db, TimeProvider clock)
{
    private static readonly Sorting<User> Sorts = new Sorting<User>(q => q.OrderBy(u => u.UserName))
        .By("userName", u => u.UserName)
        .By("displayName", u => u.DisplayName)
        .By("department", u => u.Department, q => q.ThenBy(u => u.UserName));


    public async Task<PagedResult<UserRow>> Handle(ListUsersQuery q, CancellationToken ct = default)
    {
        var paging = new PageRequest(q.Page, q.PageSize, q.Sort, q.Search);
        var users = db.Unscoped<User>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            users = users.Where(u => u.UserName!.Contains(s) || u.DisplayName.Contains(s) || (u.Department != null && u.Department.Contains(s)));
        }
        if (q.Active is { } active)
            users = users.Where(u => u.IsActive == active);
        if (!string.IsNullOrWhiteSpace(q.Role))
        {
            var roleIds = db.Unscoped<Role>().Where(r => r.Name == q.Role).Select(r => r.Id);
            users = users.Where(u => db.Unscoped<IdentityUserRole<Guid>>().Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        }

        var total = await users.CountAsync(ct);
        users = Sorts.Apply(users, paging);
        var page = await users.PageOf(paging).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.Unscoped<IdentityUserRole<Guid>>()
                           join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = page.Select(u => new UserRow(u.Id, u.UserName!, u.DisplayName, u.Department, u.Region, u.Email, u.PhoneNumber,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(n => n).ToList(),
            u.IsActive, u.LockoutEnd > now, u.ConcurrencyStamp!)).ToList();
        return new PagedResult<UserRow>(rows, total);
    }
}
