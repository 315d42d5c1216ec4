using Kam.Core.Common;
using Kam.Core.Users;
using Kam.Web.Setup;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kam.Web.Api;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record LoginResponse(string AccessToken, DateTimeOffset ExpiresAt);

public static class AuthEndpoints
{
    public static void MapAuth(this RouteGroupBuilder api)
    {
        api.MapPost("/auth/login", Login).AllowAnonymous().WithTags("Auth")
            .Produces<LoginResponse>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesValidationProblem();
    }

    private static async Task<IResult> Login(LoginRequest request, SignInManager<User> signIn,
        IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock, HttpContext ctx)
    {
        var missing = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(request.UserName))
            missing.Add(new FieldError("userName", "auth.username_required"));
        if (string.IsNullOrEmpty(request.Password))
            missing.Add(new FieldError("password", "password.required"));
        if (missing.Count > 0)
            return Problems.From(Error.Validation(missing), ctx);

        var (user, failure) = await SignInCheck.CheckAsync(signIn, request.UserName!.Trim(), request.Password!);
        if (failure is not null)
            return Unauthorized(failure, ctx);

        var principal = await signIn.CreateUserPrincipalAsync(user!);
        var expiresAt = clock.GetUtcNow() + KamAuth.TokenLifetime;
        var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
        var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
        return TypedResults.Ok(new LoginResponse(token, expiresAt));
    }

    private static IResult Unauthorized(string code, HttpContext ctx)
    {
        var l = ctx.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource>>();
        return TypedResults.Problem(title: l[code], statusCode: StatusCodes.Status401Unauthorized,
            extensions: new Dictionary<string, object?> { ["code"] = code });
    }
}
