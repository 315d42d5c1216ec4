using Kam.Core.Common;

namespace Kam.Infrastructure.Data;

/// <summary>The actor for start-up work, migrations, seeding and background jobs.</summary>
public sealed class SystemUser : ICurrentUser
{
    public Guid? Id => null;

    public string? UserName => "system";

    public bool IsInRole(string role) => false;

    public bool IsSystem => true;
}
