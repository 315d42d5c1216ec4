using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Kam.Core.Common;
using Kam.Core.Service;

namespace Kam.Web.Api;

/// <summary>
/// The page a contact answers a satisfaction survey on (满意度调查), from a link sent to their phone, without signing in:
/// a plain server-rendered form in Chinese (no script, no circuit: fast on a phone), showing the questions and nothing
/// of the account. A bad, used or expired link gets a clear page, never an error.
/// </summary>
public static class SurveyPage
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/s/{token}", async (string token, FollowUps followUps, CancellationToken ct) =>
        {
            var (state, survey) = await followUps.Public(token, ct);
            return state == FollowUps.LinkState.Open ? Page(Form(token, survey!.Questions, null, [])) : Closed(state);
        }).AllowAnonymous().WithTags("Survey").Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status404NotFound, contentType: "text/html");

        app.MapPost("/s/{token}", async (string token, HttpContext ctx, FollowUps followUps, CancellationToken ct) =>
        {
            if (!ctx.Request.HasFormContentType)
                return Page(Message("survey.page_form_only"), StatusCodes.Status415UnsupportedMediaType);
            var (state, survey) = await followUps.Public(token, ct);
            if (state != FollowUps.LinkState.Open)
                return Closed(state);
            IFormCollection form;
            try
            {
                form = await ctx.Request.ReadFormAsync(ct);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // A body no browser sends (no boundary, past the form limits): the page, not an error.
                return Page(Message("survey.page_form_only"), StatusCodes.Status400BadRequest);
            }
            var questions = survey!.Questions;
            var answers = questions.Select((q, i) => Read(q, form, i)).ToList();
            var (after, error) = await followUps.AnswerByLink(token, answers, ct);
            if (after != FollowUps.LinkState.Open)
                return Closed(after);
            if (error is not null)
            {
                var byField = error.Fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => T(g.First().Code, g.First().Args));
                return Page(Form(token, questions, answers, byField), StatusCodes.Status400BadRequest);
            }
            return Page(Message("survey.page_thanks"));
        }).AllowAnonymous().DisableAntiforgery().WithTags("Survey")
            .Produces(StatusCodes.Status200OK, contentType: "text/html").Produces(StatusCodes.Status410Gone, contentType: "text/html");
    }

    private static SurveyAnswer? Read(SurveyQuestion q, IFormCollection form, int i)
    {
        var values = form[$"q{i}"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).ToList();
        if (values.Count == 0)
            return null;
        return q.Kind switch
        {
            QuestionKind.Score or QuestionKind.Nps => int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? new SurveyAnswer(n) : new SurveyAnswer(-1),
            QuestionKind.Single or QuestionKind.Multiple => new SurveyAnswer(Choices: values),
            _ => new SurveyAnswer(Text: values[0]),
        };
    }

    private static IResult Closed(FollowUps.LinkState state) => state switch
    {
        FollowUps.LinkState.Used => Page(Message("survey.page_used"), StatusCodes.Status410Gone),
        FollowUps.LinkState.Expired => Page(Message("survey.page_expired"), StatusCodes.Status410Gone),
        _ => Page(Message("survey.page_unknown"), StatusCodes.Status404NotFound),
    };

    private static string T(string key, params object?[] args) =>
        string.Format(Chinese, Text.Find(key, Chinese) ?? key, args);

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static string Message(string key) => $"<p class=\"msg\" data-testid=\"survey-message\">{E(T(key))}</p>";

    private static string Form(string token, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<SurveyAnswer?>? given, Dictionary<string, string> errors)
    {
        var html = new StringBuilder();
        html.Append("<p class=\"intro\">").Append(E(T("survey.page_intro"))).Append("</p>");
        html.Append("<form method=\"post\" action=\"/s/").Append(E(token)).Append("\" data-testid=\"survey-form\">");
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var a = given is not null && i < given.Count ? given[i] : null;
            html.Append("<fieldset><legend>").Append(i + 1).Append(". ").Append(E(q.Text));
            if (!q.Required)
                html.Append(" <span class=\"opt\">").Append(E(T("survey.page_optional"))).Append("</span>");
            html.Append("</legend>");
            switch (q.Kind)
            {
                case QuestionKind.Score or QuestionKind.Nps:
                    var (min, max) = q.Kind == QuestionKind.Score ? (1, 5) : (0, 10);
                    html.Append("<div class=\"scale\">");
                    for (var n = min; n <= max; n++)
                    {
                        html.Append("<label><input type=\"radio\" name=\"q").Append(i).Append("\" value=\"").Append(n).Append('"')
                            .Append(a?.Score == n ? " checked" : "").Append("><span>").Append(n).Append("</span></label>");
                    }
                    html.Append("</div><div class=\"ends\"><span>").Append(E(T(q.Kind == QuestionKind.Score ? "survey.page_low" : "survey.page_unlikely")))
                        .Append("</span><span>").Append(E(T(q.Kind == QuestionKind.Score ? "survey.page_high" : "survey.page_likely"))).Append("</span></div>");
                    break;
                case QuestionKind.Single or QuestionKind.Multiple:
                    foreach (var option in q.Options ?? [])
                    {
                        html.Append("<label class=\"choice\"><input type=\"").Append(q.Kind == QuestionKind.Single ? "radio" : "checkbox").Append("\" name=\"q").Append(i)
                            .Append("\" value=\"").Append(E(option)).Append('"').Append(a?.Choices?.Contains(option) == true ? " checked" : "").Append("> ")
                            .Append(E(option)).Append("</label>");
                    }
                    break;
                default:
                    html.Append("<textarea name=\"q").Append(i).Append("\" rows=\"3\" maxlength=\"2000\">").Append(E(a?.Text ?? "")).Append("</textarea>");
                    break;
            }
            if (errors.TryGetValue($"answers[{i}]", out var error))
                html.Append("<p class=\"err\">").Append(E(error)).Append("</p>");
            html.Append("</fieldset>");
        }
        if (errors.TryGetValue("answers", out var all))
            html.Append("<p class=\"err\">").Append(E(all)).Append("</p>");
        html.Append("<button type=\"submit\" data-testid=\"survey-submit\">").Append(E(T("survey.page_submit"))).Append("</button></form>");
        return html.ToString();
    }

    private static IResult Page(string body, int status = StatusCodes.Status200OK) => Results.Content($$"""
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>{{E(T("survey.page_title"))}}</title>
        <style>
          body { margin: 0; font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; background: #f5f5f5; color: #262626; }
          main { max-width: 560px; margin: 0 auto; padding: 16px; box-sizing: border-box; }
          h1 { font-size: 20px; margin: 8px 0 12px; }
          .intro, .msg { color: #595959; line-height: 1.6; }
          .msg { background: #fff; border-radius: 8px; padding: 24px 16px; font-size: 16px; color: #262626; }
          fieldset { background: #fff; border: 0; border-radius: 8px; margin: 0 0 12px; padding: 12px 16px; min-width: 0; }
          legend { float: left; width: 100%; padding: 0; margin-bottom: 10px; font-weight: 600; line-height: 1.5; }
          .opt { font-weight: 400; color: #8c8c8c; font-size: 13px; }
          .scale { clear: both; display: flex; flex-wrap: wrap; gap: 6px; }
          .scale label { flex: 1 0 40px; max-width: 64px; }
          .scale input { position: absolute; opacity: 0; }
          .scale span { display: block; text-align: center; padding: 10px 0; border: 1px solid #d9d9d9; border-radius: 6px; background: #fff; }
          .scale input:checked + span { background: #1677ff; border-color: #1677ff; color: #fff; }
          .scale input:focus-visible + span { outline: 2px solid #91caff; }
          .ends { display: flex; justify-content: space-between; color: #8c8c8c; font-size: 12px; margin-top: 4px; }
          .choice { clear: both; display: block; padding: 8px 0; }
          textarea { clear: both; display: block; width: 100%; box-sizing: border-box; border: 1px solid #d9d9d9; border-radius: 6px; padding: 8px; font: inherit; }
          .err { color: #cf1322; margin: 8px 0 0; clear: both; }
          button { width: 100%; padding: 12px; font-size: 16px; border: 0; border-radius: 6px; background: #1677ff; color: #fff; }
        </style></head>
        <body><main><h1>{{E(T("survey.page_title"))}}</h1>{{body}}</main></body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);
}
