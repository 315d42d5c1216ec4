using System.Threading.RateLimiting;
using Kam.Core.Common;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Setup;

/// <summary>
/// Sign-in attempts (the API's <c>POST /api/auth/login</c> and the page's <c>POST /login</c>) are limited per client
/// address: <c>Kam:SignIn:AttemptsPerMinute</c> (default 10) in a sliding minute, then 429 with a localised message and
/// Retry-After. Per user name, Identity's lockout already stops guessing at one account (5 failures, 15 minutes).
/// The count is kept by each server: behind a proxy with several servers an address gets that many per server.
/// </summary>
public static class SignInLimits
{
    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration config)
    {
        var permit = config.GetValue("Kam:SignIn:AttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsSignIn(ctx)
                ? RateLimitPartition.GetSlidingWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "local", _ => new SlidingWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, permit),
                    Window = TimeSpan.FromMinutes(1),
                    SegmentsPerWindow = 6,
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("other"));
            o.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                http.Response.Headers.RetryAfter = "60";
                if (http.Request.Path.StartsWithSegments("/api"))
                {
                    var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                    await TypedResults.Problem(title: l["auth.too_many_attempts"], statusCode: StatusCodes.Status429TooManyRequests,
                        extensions: new Dictionary<string, object?> { ["code"] = "auth.too_many_attempts" }).ExecuteAsync(http);
                }
                else
                {
                    http.Response.ContentType = "text/plain; charset=utf-8";
                    await http.Response.WriteAsync(Text.Get("auth.too_many_attempts"), ct);
                }
            };
        });
        return services;
    }

    private static bool IsSignIn(HttpContext ctx) =>
        HttpMethods.IsPost(ctx.Request.Method)
        && (ctx.Request.Path.Equals("/api/auth/login", StringComparison.OrdinalIgnoreCase) || ctx.Request.Path.Equals("/login", StringComparison.OrdinalIgnoreCase));
}
