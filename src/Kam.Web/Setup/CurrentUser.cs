using System.Security.Claims;
using Kam.Core.Common;

namespace Kam.Web.Setup;

/// <summary>
/// The acting person. For an HTTP request it reads the request's user; inside a Blazor circuit (where there is no
/// reliable HttpContext) <see cref="CircuitUserHandler"/> sets <see cref="Principal"/> from the authentication state.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http) : ICurrentUser
{
    private ClaimsPrincipal? _principal;

    public ClaimsPrincipal Principal
    {
        get => _principal ?? http.HttpContext?.User ?? new ClaimsPrincipal();
        set => _principal = value;
    }

    private bool _system;

    public bool IsSystem => _system;

    /// <summary>For start-up tasks and commands only: no person is acting, and nothing is hidden by data scope.</summary>
    public void ActAsSystem() => _system = true;

    public Guid? Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? UserName => Principal.Identity?.IsAuthenticated == true ? Principal.Identity.Name : _system ? "system" : null;

    public bool IsInRole(string role) => Principal.IsInRole(role);
}
