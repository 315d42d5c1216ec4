using System.Globalization;
using Kam.Core.Common;
using Kam.Core.DailyReports;
using Kam.Core.Identity;
using Kam.Web.Components.Pages.DailyReports;
using Kam.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Kam.Web.Api;

public static class DailyReportEndpoints
{
    public static void MapDailyReports(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/daily-reports").WithTags("Daily reports").RequireAuthorization(Policies.ReadAccounts);
        reports.MapGet("", async ([AsParameters] DailyReportQuery query, ListDailyReports list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        reports.MapGet("/mine", async (string? date, GetDailyReport get, HttpContext ctx, CancellationToken ct) =>
        {
            var day = ParseDate(date, "date");
            return day.IsSuccess ? (await get.Mine(day.Value, ct)).Ok(ctx) : Problems.From(day.Error!, ctx);
        }).Produces<MyReportDay>();
        reports.MapGet("/submission", async (string? date, string? month, ReportSubmissions submissions, HttpContext ctx, CancellationToken ct) =>
        {
            if (!string.IsNullOrWhiteSpace(month))
            {
                return DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                    ? (await submissions.Month(first.Year, first.Month, ct)).Ok(ctx)
                    : Problems.From(Error.Validation("month", "daily_report.month_invalid"), ctx);
            }
            var day = ParseDate(date, "date");
            return day.IsSuccess ? (await submissions.Day(day.Value, ct)).Ok(ctx) : Problems.From(day.Error!, ctx);
        }).Produces<SubmissionDay>().Produces<SubmissionMonth>();
        reports.MapGet("/{id:guid}", async (Guid id, GetDailyReport get, HttpContext ctx, CancellationToken ct) =>
            (await get.Handle(id, ct)).Ok(ctx)).Produces<DailyReportDetail>();
        reports.MapPost("", async (DailyReportInput input, CreateDailyReport create, GetDailyReport get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await create.Handle(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/daily-reports/{created.Value}", (await get.Handle(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<DailyReportDetail>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPut("/{id:guid}", async (Guid id, DailyReportInput input, UpdateDailyReport update, GetDailyReport get, HttpContext ctx, CancellationToken ct) =>
        {
            var updated = await update.Handle(id, input, ct);
            return updated.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(updated.Error!, ctx);
        }).Produces<DailyReportDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        reports.MapPost("/{id:guid}/review", async (Guid id, ReviewInput input, ReviewDailyReport review, GetDailyReport get, HttpContext ctx, CancellationToken ct) =>
        {
            var reviewed = await review.Handle(id, input, ct);
            return reviewed.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(reviewed.Error!, ctx);
        }).Produces<DailyReportDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var summaries = api.MapGroup("/day-summaries").WithTags("Daily reports").RequireAuthorization(Policies.ReadAccounts);
        summaries.MapGet("/{date}", async (string date, DaySummaries days, HttpContext ctx, CancellationToken ct) =>
        {
            var day = ParseDate(date, "date");
            return day.IsSuccess ? (await days.Get(day.Value!.Value, ct)).Ok(ctx) : Problems.From(day.Error!, ctx);
        }).Produces<DaySummaryView>();
        summaries.MapPut("/{date}", async (string date, DaySummaryInput input, DaySummaries days, HttpContext ctx, CancellationToken ct) =>
        {
            var day = ParseDate(date, "date");
            if (!day.IsSuccess)
                return Problems.From(day.Error!, ctx);
            var saved = await days.Save(day.Value!.Value, input, ct);
            return saved.IsSuccess ? (await days.Get(day.Value!.Value, ct)).Ok(ctx) : Problems.From(saved.Error!, ctx);
        }).Produces<DaySummaryView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        summaries.MapGet("/{date}/draft", async (string date, DaySummaries days, IStringLocalizer<SharedResource> l, HttpContext ctx, CancellationToken ct) =>
        {
            var day = ParseDate(date, "date");
            if (!day.IsSuccess)
                return Problems.From(day.Error!, ctx);
            var sources = await days.Sources(day.Value!.Value, ct);
            return sources.IsSuccess ? TypedResults.Ok(new DraftText(DaySummaryDraft.Compose(sources.Value, l))) : Problems.From(sources.Error!, ctx);
        }).Produces<DraftText>();
    }

    public sealed record DraftText(string Text);

    /// <summary>A yyyy-MM-dd date from the URL, null when absent; anything else is a field error, not a bare 400.</summary>
    private static Result<DateOnly?> ParseDate(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            return (DateOnly?)null;
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : Error.Validation(field, "daily_report.date_invalid");
    }
}
