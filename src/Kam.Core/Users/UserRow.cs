namespace Kam.Core.Users;

public sealed record UserRow(
    Guid Id,
    string UserName,
    string DisplayName,
    string? Department,
    string? Region,
    string? Email,
    string? PhoneNumber,
    IReadOnlyList<string> Roles,
    bool IsActive,
    bool IsLockedOut,
    string Version);
