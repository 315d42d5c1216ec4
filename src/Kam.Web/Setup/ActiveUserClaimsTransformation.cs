using System.Security.Claims;
using Kam.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kam.Web.Setup;

/// <summary>
/// A bearer token or cookie stays valid only while its holder is active and their security stamp unchanged, so
/// deactivating someone or changing their roles takes effect on the very next request, on every server.
/// </summary>
public sealed class ActiveUserClaimsTransformation(KamDbContext db, IOptions<IdentityOptions> options) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return principal;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            return new ClaimsPrincipal(new ClaimsIdentity());
        var stamp = principal.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        var ok = await db.Users.AsNoTracking().AnyAsync(u => u.Id == id && u.IsActive && u.SecurityStamp == stamp);
        return ok ? principal : new ClaimsPrincipal(new ClaimsIdentity());
    }
}
