using Kam.Core.Identity;
using Kam.Core.Users;
using Microsoft.AspNetCore.Identity;

namespace Kam.Infrastructure.Seeding;

/// <summary>The demo department's people, all with the password <see cref="Password"/>.</summary>
public sealed class DemoUsersStep(UserManager<User> users, TimeProvider clock) : ISeedStep
{
    public const string Password = "Demo#2026";
    public const string DepartmentName = "大客户部";

    private static readonly (string UserName, string Name, string Region, string[] Roles)[] People =
    [
        ("exec", "王建国", "总部", [Roles.Executive]),
        ("head", "李明", "总部", [Roles.Head]),
        ("assistant", "陈静", "总部", [Roles.Assistant]),
        ("am1", "张伟", "华南", [Roles.AccountManager]),
        ("am2", "刘洋", "华东", [Roles.AccountManager]),
        ("am3", "赵磊", "华北", [Roles.AccountManager]),
        ("am4", "孙丽", "西南", [Roles.AccountManager]),
        ("admin", "系统管理员", "总部", [Roles.Admin]),
    ];

    public int Order => 0;

    public async Task RunAsync(SeedContext context, CancellationToken ct)
    {
        foreach (var (userName, name, region, roles) in People)
        {
            var user = await users.FindByNameAsync(userName);
            if (user is null)
            {
                user = new User
                {
                    UserName = userName,
                    DisplayName = name,
                    Department = DepartmentName,
                    Region = region,
                    Email = $"{userName}@kam.example.cn",
                    CreatedAt = clock.GetUtcNow(),
                    LockoutEnabled = true,
                };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRolesAsync(user, roles));
            }
            context.Users[userName] = user;
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException("Demo user could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
