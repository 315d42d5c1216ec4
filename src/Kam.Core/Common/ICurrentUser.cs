namespace Kam.Core.Common;

/// <summary>The person acting now: from the HTTP request, the Blazor circuit or a background job (null id).</summary>
public interface ICurrentUser
{
    Guid? Id { get; }

    string? UserName { get; }

    bool IsInRole(string role);

    /// <summary>Start-up work, seeding, imports run by the system and background jobs: unrestricted by data scope.</summary>
    bool IsSystem { get; }
}
