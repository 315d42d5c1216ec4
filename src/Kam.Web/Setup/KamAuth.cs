namespace Kam.Web.Setup;

public static class KamAuth
{
    /// <summary>The policy scheme that picks the cookie (UI) or the bearer token (/api) by path.</summary>
    public const string Scheme = "Kam";

    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(8);
}
