using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Users;

public sealed class GetUser(IKamDb db, TimeProvider clock)
{
    public async Task<Result<UserRow>> Handle(Guid id, CancellationToken ct = default)
    {
        var u = await db.Unscoped<User>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null)
            return Error.NotFound("user.not_found");
        var roles = await (from ur in db.Unscoped<IdentityUserRole<Guid>>()
                           join r in db.Unscoped<Role>() on ur.RoleId equals r.Id
                           where ur.UserId == id
                           orderby r.Name
                           select r.Name!).ToListAsync(ct);
        return new UserRow(u.Id, u.UserName!, u.DisplayName, u.Department, u.Region, u.Email, u.PhoneNumber, roles,
            u.IsActive, u.LockoutEnd > clock.GetUtcNow(), u.ConcurrencyStamp!);
    }
}
