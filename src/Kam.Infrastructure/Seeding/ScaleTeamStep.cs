using Kam.Core.Identity;
using Kam.Core.Users;
using Kam.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kam.Infrastructure.Seeding;

/// <summary>
/// At scale (<see cref="DemoOptions.Scale"/> accounts) the department needs a realistic team: one account manager
/// per ~250 accounts, between 4 and 200 people (domain.md), named am5, am6, ... with the demo password.
/// Written in bulk with one shared password hash: a few hundred PBKDF2 rounds would dominate seeding time.
/// </summary>
public sealed class ScaleTeamStep(KamDbContext db, IPasswordHasher<User> hasher, TimeProvider clock) : ISeedStep
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "强", "洋", "艳", "军", "杰", "涛", "明", "超", "霞", "平", "刚", "桂英", "建华", "志强"];
    private static readonly string[] Regions = ["华南", "华东", "华北", "西南", "华中", "西北", "东北"];

    public int Order => 10;

    public static int TeamSize(int scale) => Math.Clamp(scale / 250, 4, 200);

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        if (context.Options.Scale <= 0)
            return;
        var wanted = TeamSize(context.Options.Scale);
        var existing = await db.Unscoped<User>().Where(u => u.UserName!.StartsWith("am")).Select(u => u.UserName!).ToListAsync(ct);
        var roleId = await db.Unscoped<Role>().Where(r => r.Name == Roles.AccountManager).Select(r => r.Id).SingleAsync(ct);
        var hash = hasher.HashPassword(new User(), DemoUsersStep.Password);
        var random = context.Random;
        for (var n = 5; n <= wanted; n++)
        {
            var userName = $"am{n}";
            if (existing.Contains(userName))
                continue;
            var user = new User
            {
                UserName = userName,
                NormalizedUserName = userName.ToUpperInvariant(),
                DisplayName = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)],
                Department = DemoUsersStep.DepartmentName,
                Region = Regions[random.Next(Regions.Length)],
                PasswordHash = hash,
                LockoutEnabled = true,
                CreatedAt = clock.GetUtcNow(),
            };
            db.Unscoped<User>().Add(user);
            db.Unscoped<IdentityUserRole<Guid>>().Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        }
        await db.SaveChangesAsync(ct);
        foreach (var user in await db.Unscoped<User>().Where(u => u.UserName!.StartsWith("am")).ToListAsync(ct))
            context.Users[user.UserName!] = user;
    }
}
