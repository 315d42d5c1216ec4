using System.Text.Json;
using System.Text.RegularExpressions;
using Kam.Web.Resources;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Setup;

/// <summary>
/// A request the framework could not bind (malformed JSON, a value of the wrong type, a GUID or date that is not one,
/// no body where one is needed) answers like every other validation error: 400 with the field at fault and a message
/// in the request's language, instead of a bare 400. The field is the JSON path as the client sent it
/// (<c>lines[0].quantity</c>), or the route or query parameter's name.
/// </summary>
public sealed partial class BadRequestHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        if (exception is not BadHttpRequestException bad || ctx.Response.HasStarted)
            return false;
        var l = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var (field, code) = Describe(bad);
        IResult result = bad.StatusCode == StatusCodes.Status400BadRequest
            ? TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [field] = [l[code].Value] },
                title: l["problem.validation"],
                extensions: new Dictionary<string, object?> { ["code"] = code })
            : TypedResults.Problem(statusCode: bad.StatusCode);
        await result.ExecuteAsync(ctx);
        return true;
    }

    private static (string Field, string Code) Describe(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return (FieldOf(json.Path), "request.json_invalid");
        var message = bad.Message;
        if (ParameterName().Match(message) is { Success: true } p)
        {
            var required = message.StartsWith("Required parameter", StringComparison.Ordinal);
            return (Camel(p.Groups["name"].Value), required ? "field.required" : "request.value_invalid");
        }
        if (message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase)
            || message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase))
            return ("body", "request.body_required");
        return ("body", "request.json_invalid");
    }

    /// <summary>"$.lines[0].quantity" → "lines[0].quantity"; the document itself ("$" or none) is "body".</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    // 'Failed to bind parameter "Guid id" from "x".' / 'Required parameter "int page" was not provided from query string.'
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"")]
    private static partial Regex ParameterName();
}
