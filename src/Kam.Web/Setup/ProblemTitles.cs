using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Setup;

public static class ProblemTitles
{
    /// <summary>
    /// Every problem response carries a trace id; the generic ones (bare 401/403/404, unhandled 500) get a title in
    /// the request's language instead of the framework's English. Problems of our own use cases keep their title.
    /// </summary>
    public static void Localise(ProblemDetailsContext ctx)
    {
        var problem = ctx.ProblemDetails;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? ctx.HttpContext.TraceIdentifier;
        if (problem.Extensions.ContainsKey("code"))
            return;
        var status = problem.Status ?? ctx.HttpContext.Response.StatusCode;
        var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var title = l[$"problem.{status}"];
        if (!title.ResourceNotFound)
            problem.Title = title.Value;
        problem.Extensions["code"] = $"http.{status}";
        if (status >= 500)
            problem.Detail = null;
    }
}
