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
/// whose roles its policy does not include (<see cref="Policies.RolesOf"/>) it answers 403. A new endpoint without a
/// policy fails here unless it declares itself open to every signed-in user (<c>.OpenToEverySignedInUser()</c>).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class EndpointAuthorizationTests(KamFactory app)
{
    // The fallback answers 404 to unknown /api paths, so it has nothing to protect.
    private static readonly HashSet<string> Anonymous = ["POST /api/auth/login", "GET /api/{**path}"];

    // The demo person of each role.
    private static readonly Dictionary<string, string> DemoUserOf = new()
    {
        [Roles.Admin] = "admin",
        [Roles.Head] = "head",
        [Roles.Assistant] = "assistant",
        [Roles.Executive] = "exec",
        [Roles.AccountManager] = "am1",
    };

    // For each policy, the demo people whose role it leaves out.
    private static IEnumerable<string> RefusedUsers(string policy) => Roles.All.Except(Policies.RolesOf[policy]).Select(r => DemoUserOf[r]);

    private IReadOnlyList<(string Method, string Route, IReadOnlyList<string> Policies, bool AllowAnonymous, bool Open, string ContentType)> ApiEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (
                Method: m,
                Route: e.RoutePattern.RawText!,
                Policies: (IReadOnlyList<string>)e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList(),
                AllowAnonymous: e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                Open: e.Metadata.GetMetadata<Kam.Web.Api.EverySignedInUser>() is not null,
                ContentType: e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json")))
            .ToList();

    [Fact]
    public async Task Every_api_endpoint_refuses_a_caller_without_a_token()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 12, $"Only {endpoints.Count} endpoints found");
        using var client = app.Anonymous();
        foreach (var (method, route, _, allowAnonymous, _, contentType) in endpoints)
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
        foreach (var (method, route, policies, allowAnonymous, open, contentType) in ApiEndpoints())
        {
            var key = $"{method} {route.TrimEnd('/')}";
            if (allowAnonymous)
                continue;
            if (policies.Count == 0)
            {
                Assert.True(open, $"{key} has no policy: give it one or declare it .OpenToEverySignedInUser()");
                continue;
            }
            foreach (var policy in policies)
            {
                Assert.True(Policies.RolesOf.ContainsKey(policy), $"Policy {policy} of {key} is not in Policies.RolesOf");
                Assert.NotEmpty(RefusedUsers(policy));
                foreach (var refused in RefusedUsers(policy))
                {
                    using var client = await app.As(refused);
                    var response = await client.SendAsync(Request(method, route, contentType));
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{key} answered {(int)response.StatusCode} to {refused}");
                    await response.Problem(HttpStatusCode.Forbidden);
                }
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
