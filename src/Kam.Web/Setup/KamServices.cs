using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Kam.Core;
using Kam.Core.Common;
using Kam.Core.Identity;
using Kam.Core.Users;
using Kam.Infrastructure;
using Kam.Infrastructure.Data;
using Kam.Web.Jobs;
using Kam.Web.Resources;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace Kam.Web.Setup;

public static class KamServices
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static WebApplicationBuilder AddKam(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        // Component libraries' _content/ assets are served from the build output in every environment.
        builder.WebHost.UseStaticWebAssets();

        services.AddKamCore();
        services.AddKamInfrastructure(config);

        services.AddLocalization();
        services.AddSingleton<IStringLocalizer<SharedResource>, TextLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = o.SupportedUICultures = Cultures;
            // The UI is Chinese until the user picks English (cookie); API clients choose with Accept-Language.
            var acceptLanguage = new AcceptLanguageHeaderRequestCultureProvider();
            o.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new CustomRequestCultureProvider(ctx => ctx.Request.Path.StartsWithSegments("/api")
                    ? acceptLanguage.DetermineProviderCultureResult(ctx)
                    : Task.FromResult<ProviderCultureResult?>(null)),
            ];
            o.FallBackToParentUICultures = true;
        });
        // Chinese in server-rendered HTML and JSON as characters, not &#x...; references.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped(typeof(Op<>));
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CircuitUserHandler>();

        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<Role>()
            .AddEntityFrameworkStores<KamDbContext>()
            .AddPasswordValidator<Kam.Core.Users.CommonPasswords>()
            .AddSignInManager<KamSignInManager>()
            .AddClaimsPrincipalFactory<KamClaimsFactory>()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = KamAuth.Scheme;
                o.DefaultChallengeScheme = KamAuth.Scheme;
            })
            .AddPolicyScheme(KamAuth.Scheme, "Cookie for the UI, bearer for /api", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = KamAuth.TokenLifetime)
            .AddIdentityCookies(o => o.ApplicationCookie?.Configure(c =>
            {
                c.LoginPath = "/login";
                c.LogoutPath = "/logout";
                c.AccessDeniedPath = "/denied";
                c.Cookie.Name = "kam.auth";
                c.Cookie.HttpOnly = true;
                c.Cookie.SameSite = SameSiteMode.Lax;
                // Secure whenever the request came over HTTPS (behind the proxy: with Kam:ForwardedHeaders).
                c.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                c.ExpireTimeSpan = TimeSpan.FromHours(12);
                c.SlidingExpiration = true;
            }));
        services.AddAuthorization(Policies.Configure);
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingAuthStateProvider>();

        services.AddDataProtection().SetApplicationName("Kam").PersistKeysToDbContext<KamDbContext>();
        services.AddAntiforgery();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemTitles.Localise);
        // Binding failures throw (instead of a bare 400) so that BadRequestHandler can name the field at fault.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<ConflictHandler>();
        services.AddSignInLimits(config);
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks();

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the reverse proxies' own addresses are believed (by default the proxy on this machine): a client
            // reaching a server directly cannot claim another address or HTTPS.
            if (config["Kam:TrustedProxies"] is { Length: > 0 } trusted)
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                foreach (var entry in trusted.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry.Contains('/') ? entry : entry + (entry.Contains(':') ? "/128" : "/32")));
            }
        });

        services.AddScoped<Kam.Web.Api.ImportReports>();
        services.AddKamScheduler(config);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        return builder;
    }
}
