using System.Security.Claims;
using Kam.Core.Users;
using Kam.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kam.Web.Setup;

/// <summary>
/// A bearer token or cookie stays valid only while its holder is active and their security stamp unchanged, so
/// deactivating someone or changing their roles takes effect on the very next request, on every server. A stale
/// sign-in is treated as no sign-in: the API answers 401 and the UI sends the person to the login page.
/// </summary>
public static class ActiveUserCheck
{
    // Compiled once: the check runs on every request, and its translation would otherwise be looked up each time.
    private static readonly Func<KamDbContext, Guid, string?, CancellationToken, Task<bool>> IsActive = EF.CompileAsyncQuery(
        (KamDbContext db, Guid id, string? stamp, CancellationToken ct) => db.Set<User>().Any(u => u.Id == id && u.IsActive && u.SecurityStamp == stamp));

    public static IApplicationBuilder UseActiveUserCheck(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(ctx))
        {
            ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
            if (ctx.Features.Get<IAuthenticateResultFeature>() is { } result)
                result.AuthenticateResult = AuthenticateResult.NoResult();
            if (!ctx.Request.Path.StartsWithSegments("/api"))
                await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
        await next();
    });

    private static async Task<bool> IsCurrentAsync(HttpContext ctx)
    {
        if (!Guid.TryParse(ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            return false;
        var stampClaim = ctx.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var stamp = ctx.User.FindFirstValue(stampClaim);
        var db = ctx.RequestServices.GetRequiredService<KamDbContext>();
        return await IsActive(db, id, stamp, ctx.RequestAborted);
    }
}
