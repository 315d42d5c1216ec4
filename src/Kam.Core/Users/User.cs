using Kam.Core.Common;
using Microsoft.AspNetCore.Identity;

namespace Kam.Core.Users;

/// <summary>
/// A person of the department. Users are never deleted: a leaver is deactivated, keeps their history and loses
/// their login. Identity's <see cref="IdentityUser{TKey}.ConcurrencyStamp"/> is the optimistic-concurrency version.
/// </summary>
[Scoped(Scope.System)]
public class User : IdentityUser<Guid>, IAudited
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    public string? Department { get; set; }

    public string? Region { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DeactivatedAt { get; set; }

    /// <summary>The UI language this person chose (zh-CN or en-US).</summary>
    public string? Culture { get; set; }
}

[Scoped(Scope.System)]
public class Role : IdentityRole<Guid>
{
    public Role()
    {
        Id = Guid.CreateVersion7();
    }

    public Role(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}
