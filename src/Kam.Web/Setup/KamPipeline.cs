using Kam.Web.Api;
using Kam.Web.Components;
using Scalar.AspNetCore;

namespace Kam.Web.Setup;

public static class KamPipeline
{
    public static WebApplication UseKam(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>("Kam:ForwardedHeaders"))
            app.UseForwardedHeaders(); // the options of KamServices: the proxies of Kam:TrustedProxies

        app.UseExceptionHandler();
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseRateLimiter();
        // API clients get problem+json bodies for bare 401/403/404/405 too.
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        // An address the UI does not know shows Kam's own "not found" page, in the user's language (not the browser's).
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api") && !ctx.Request.Path.StartsWithSegments("/_blazor"),
            ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // Routing after the status code pages, so that the re-executed request finds the not-found page's endpoint.
        app.UseRouting();

        app.UseAuthentication();
        app.UseActiveUserCheck();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/scalar", o => o.WithTitle("Kam API")).AllowAnonymous();
        app.MapHealth();
        app.MapUiEndpoints();
        app.MapKamApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
