using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Kam.Core.Identity;
using Kam.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kam.Web.Tests;

/// <summary>
/// Every /api endpoint, found from the app's own routing table: without a token it answers 401, and as a person
/// whose roles its policy does not include it answers 403. A new endpoint without a policy fails here until it
/// is listed as open to every signed-in user.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class EndpointAuthorizationTests(KamFactory app)
{
    private static readonly HashSet<string> OpenToEverySignedInUser =
    [
        "GET /api/me", "PUT /api/me/password",
        "GET /api/notifications", "GET /api/notifications/unread-count", "POST /api/notifications/{id:guid}/read", "POST /api/notifications/read-all",
    ];

    // The fallback answers 404 to unknown /api paths, so it has nothing to protect.
    private static readonly HashSet<string> Anonymous = ["POST /api/auth/login", "GET /api/{**path}"];

    // For each policy, a demo user who must be refused.
    private static readonly Dictionary<string, string> RefusedUser = new()
    {
        [Policies.ManageUsers] = "head",
        [Policies.ReadAudit] = "am1",
        [Policies.ReadAccounts] = "admin",
        [Policies.ManageAccounts] = "am1",
        [Policies.ManageApprovalRules] = "am1",
    };

    private IReadOnlyList<(string Method, string Route, IReadOnlyList<string> Policies, bool AllowAnonymous, string ContentType)> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Method: m,
                Route: e.RoutePattern.RawText!,
                Policies: (IReadOnlyList<string>)e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList(),
                AllowAnonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                ContentType: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json")))
            .ToList();

    [Fact]
    public async Task Every_api_endpoint_refuses_a_caller_without_a_token()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 12, $"Only {endpoints.Count} endpoints found");
        using var client = app.Anonymous();
        foreach (var (method, route, _, allowAnonymous, contentType) in endpoints)
        {
            var key = $"{method} {route.TrimEnd('/')}";
            if (allowAnonymous)
            {
                Assert.Contains(key, Anonymous);
                continue;
            }
            var response = await client.SendAsync(Request(method, route, contentType));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{key} answered {(int)response.StatusCode} without a token");
        }
    }

    [Fact]
    public async Task Every_api_endpoint_refuses_a_role_its_policy_leaves_out()
    {
        foreach (var (method, route, policies, allowAnonymous, contentType) in ApiEndpoints())
        {
            var key = $"{method} {route.TrimEnd('/')}";
            if (allowAnonymous)
                continue;
            if (policies.Count == 0)
            {
                Assert.True(OpenToEverySignedInUser.Contains(key), $"{key} has no policy: give it one or list it as open to every signed-in user");
                continue;
            }
            foreach (var policy in policies)
            {
                Assert.True(RefusedUser.ContainsKey(policy), $"Policy {policy} of {key} has no refused user in this test");
                using var client = await app.As(RefusedUser[policy]);
                var response = await client.SendAsync(Request(method, route, contentType));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{key} answered {(int)response.StatusCode} to {RefusedUser[policy]}");
                await response.Problem(HttpStatusCode.Forbidden);
            }
        }
    }

    private static HttpRequestMessage Request(string method, string route, string contentType)
    {
        var url = RouteParameter().Replace(route, Guid.NewGuid().ToString());
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = contentType.StartsWith("multipart/", StringComparison.Ordinal)
                ? new MultipartFormDataContent { { new StringContent("x"), "file", "x.xlsx" } }
                : new StringContent("{}", new MediaTypeHeaderValue("application/json"));
        }
        return request;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
