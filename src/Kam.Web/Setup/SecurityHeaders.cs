namespace Kam.Web.Setup;

/// <summary>Security headers on every response; the CSP is the strictest the Blazor UI and Ant Design work under.</summary>
public static class SecurityHeaders
{
    // Ant Design renders two fixed inline handlers: ondragover="event.preventDefault();" on every tab (draggable tabs)
    // and onclick="event.stopPropagation()" on a multiple select's remove mark. 'unsafe-hashes' with their two hashes
    // allows exactly those two strings and nothing else: no other inline script or handler runs.
    private const string AppPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-hashes' 'sha256-3TGu3MXeXy11eUrHvptBo1UVsvdEkIojBrR41fi1sqM=' " +
        "'sha256-jHF5hTIlMDyGZRAsNK0HO/WFYrwPvI2I1q0o1xKKB6I='; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    // The Scalar API reference boots with an inline script.
    private const string ApiReferencePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'none'; object-src 'none'";

    private static bool CarriesBusinessData(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/attachments") || path.StartsWithSegments("/imports")
        || (path.Value?.EndsWith("/export", StringComparison.OrdinalIgnoreCase) ?? false);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(self)";
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/scalar") ? ApiReferencePolicy : AppPolicy;
            // Business data is never kept by a browser or a proxy: API answers, exports, documents, import reports.
            if (CarriesBusinessData(ctx.Request.Path))
                h.CacheControl = "no-store";
            // Behind HTTPS (the proxy says so with Kam:ForwardedHeaders), browsers are told to use nothing else.
            if (ctx.Request.IsHttps)
                h.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        await next();
    });
}
