namespace Kam.Core.Identity;

/// <summary>The department's roles (domain.md). A person may hold several.</summary>
public static class Roles
{
    public const string Executive = nameof(Executive);
    public const string Head = nameof(Head);
    public const string Assistant = nameof(Assistant);
    public const string AccountManager = nameof(AccountManager);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Executive, Head, Assistant, AccountManager, Admin];

    /// <summary>The roles that do the department's business (everyone but the administrator).</summary>
    public static IReadOnlyList<string> Business { get; } = [Executive, Head, Assistant, AccountManager];
}
