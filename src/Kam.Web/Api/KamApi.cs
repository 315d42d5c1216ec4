using System.Reflection;

namespace Kam.Web.Api;

public static class KamApi
{
    /// <summary>
    /// Every /api endpoint group, gathered from the capabilities: each <c>Api/*Endpoints.cs</c> class has one public
    /// static <c>Map…(this RouteGroupBuilder api[, IEndpointRouteBuilder app])</c>, found here, so a new capability's
    /// endpoints need no shared list. All require a signed-in user unless marked anonymous.
    /// </summary>
    public static void MapKamApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        // Nulls where an input type allows none, and dates no business record can have, are refused with the field
        // before any use case sees them (InputGuard).
        api.AddEndpointFilter(async (ctx, next) =>
        {
            var parameters = ctx.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
            for (var i = 0; i < ctx.Arguments.Count; i++)
            {
                var name = parameters is not null && i < parameters.Length ? parameters[i].Name : null;
                if (Kam.Core.Common.InputGuard.Check(ctx.Arguments[i], name) is { Count: > 0 } refused)
                    return Problems.From(Kam.Core.Common.Error.Validation(refused), ctx.HttpContext);
            }
            return await next(ctx);
        });
        // An unknown /api path is 404 for every method (without this, the UI's catch-all answers 405 to a POST).
        app.MapFallback("/api/{**path}", () => Results.NotFound()).AllowAnonymous().ExcludeFromDescription();
        foreach (var map in Modules())
            map.Invoke(null, map.GetParameters().Length == 1 ? [api] : [api, app]);
    }

    /// <summary>
    /// Declares endpoints open to every signed-in user on purpose (their own profile, their notifications): the
    /// authorisation test fails for an endpoint with neither a policy nor this.
    /// </summary>
    public static TBuilder OpenToEverySignedInUser<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(EverySignedInUser.Instance);

    /// <summary>The Map method of every endpoints class, in a stable order (by class name).</summary>
    public static IReadOnlyList<MethodInfo> Modules() =>
        typeof(KamApi).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true } && t.Namespace == typeof(KamApi).Namespace && t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name.StartsWith("Map", StringComparison.Ordinal)
                && m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(RouteGroupBuilder)))
            .ToList();
}

/// <summary>Endpoint metadata: no policy, every signed-in user may call it (see <see cref="KamApi.OpenToEverySignedInUser"/>).</summary>
public sealed class EverySignedInUser
{
    public static readonly EverySignedInUser Instance = new();

    private EverySignedInUser()
    {
    }
}
