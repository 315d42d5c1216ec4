using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Kam.Web.Setup;

/// <summary>Tells API readers (and the Scalar reference) that /api takes a bearer token from /api/auth/login.</summary>
internal sealed class BearerSecurityTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Kam API";
        document.Info.Description = "Key account management. Get a token with POST /api/auth/login, then send Authorization: Bearer <token>.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Token from POST /api/auth/login",
        };
        return Task.CompletedTask;
    }
}
