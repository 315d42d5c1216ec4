using Kam.Core.Common;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Api;

/// <summary>Turns an expected failure into an RFC 9457 problem, in the request's language.</summary>
public static class Problems
{
    public static IResult From(Error error, HttpContext ctx)
    {
        var l = ctx.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Kind == ErrorKind.Validation)
        {
            var errors = error.Fields
                .GroupBy(f => f.Field)
                .ToDictionary(g => g.Key, g => g.Select(f => Message(l, f)).ToArray());
            return TypedResults.ValidationProblem(errors, title: l["problem.validation"], extensions: extensions);
        }
        if (error.Fields.Count > 0)
            extensions["reasons"] = error.Fields.Select(f => f.Code).ToArray();
        var status = error.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status409Conflict,
        };
        var detail = error.Fields.Count > 0 ? string.Join(" ", error.Fields.Select(f => Message(l, f))) : null;
        return TypedResults.Problem(title: l[error.Code], detail: detail, statusCode: status, extensions: extensions);
    }

    /// <summary>A field's message; one whose arguments do not fit its text still reads (never a 500 over a message).</summary>
    private static string Message(IStringLocalizer l, FieldError f)
    {
        try
        {
            return l[f.Code, f.Args].Value;
        }
        catch (FormatException)
        {
            return l[f.Code].Value;
        }
    }

    public static IResult Ok<T>(this Result<T> result, HttpContext ctx) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : From(result.Error!, ctx);

    public static IResult NoContent(this Result result, HttpContext ctx) =>
        result.IsSuccess ? TypedResults.NoContent() : From(result.Error!, ctx);
}
