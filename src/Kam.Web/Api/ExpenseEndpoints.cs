using Kam.Core.Expenses;
using Kam.Core.Identity;

namespace Kam.Web.Api;

/// <summary>Budgets, their adjustments and execution, expense categories, claims with their receipts, approval and payment.</summary>
public static class ExpenseEndpoints
{
    public static void MapExpenses(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var categories = api.MapGroup("/expense-categories").WithTags("Expenses").RequireAuthorization(Policies.ReadAccounts);
        categories.MapGet("", async (ManageExpenseCategories manage, CancellationToken ct) => TypedResults.Ok(await manage.Get(ct)));
        categories.MapPut("", async (ExpenseCategoriesInput input, ManageExpenseCategories manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Update(input, ct)).Ok(ctx)).Produces<ExpenseCategoriesView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var standards = api.MapGroup("/expense-standards").WithTags("Expenses").RequireAuthorization(Policies.ReadAccounts);
        standards.MapGet("", async (ExpenseStandards get, CancellationToken ct) => TypedResults.Ok(await get.Get(ct)));
        standards.MapPut("", async (ExpenseStandardsInput input, ExpenseStandards manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Update(input, ct)).Ok(ctx)).Produces<ExpenseStandardsView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var budgets = api.MapGroup("/budgets").WithTags("Expenses").RequireAuthorization(Policies.ReadAccounts);
        budgets.MapGet("", async (GetBudgets get, CancellationToken ct) => TypedResults.Ok(await get.List(ct)));
        budgets.MapGet("/execution", async (int? year, string? groupBy, GetExecution execution, HttpContext ctx, CancellationToken ct) =>
            (await execution.Handle(year, groupBy, ct)).Ok(ctx)).Produces<ExecutionView>().ProducesValidationProblem();
        budgets.MapGet("/cost", async (int? year, string? by, int? page, int? pageSize, GetExecution execution, HttpContext ctx, CancellationToken ct) =>
            (await execution.Cost(year, by, page ?? 1, pageSize ?? 20, ct)).Ok(ctx)).Produces<CostView>().ProducesValidationProblem();
        budgets.MapGet("/execution/export", ExecutionExport);
        app.MapGet("/budgets/execution/export", ExecutionExport).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        budgets.MapGet("/{id:guid}/export", BudgetExport);
        app.MapGet("/budgets/{id:guid}/export", BudgetExport).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        budgets.MapGet("/{id:guid}", async (Guid id, GetBudgets get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<BudgetView>().ProducesProblem(StatusCodes.Status404NotFound);
        budgets.MapPost("", async (BudgetInput input, SaveBudget save, GetBudgets get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/budgets/{created.Value}", (await get.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<BudgetView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        budgets.MapPut("/{id:guid}", async (Guid id, BudgetInput input, SaveBudget save, GetBudgets get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<BudgetView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        budgets.MapPost("/{id:guid}/submit", async (Guid id, BudgetActionInput input, SaveBudget save, GetBudgets get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Submit(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<BudgetView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        budgets.MapPost("/{id:guid}/adjustments", async (Guid id, BudgetAdjustmentInput input, AdjustBudget adjust, GetBudgets get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await adjust.Handle(id, input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/budgets/{id}", (await get.Get(id, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<BudgetView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var activities = api.MapGroup("/activities").WithTags("Expenses").RequireAuthorization(Policies.ReadAccounts);
        activities.MapGet("", async (int? year, string? status, int? page, int? pageSize, GetActivities get, HttpContext ctx, CancellationToken ct) =>
            (await get.List(year, status, page ?? 1, pageSize ?? 20, ct)).Ok(ctx)).Produces<Kam.Core.Common.PagedResult<ActivityRow>>().ProducesValidationProblem();
        activities.MapGet("/export", ActivitiesExport);
        app.MapGet("/activities/export", ActivitiesExport).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        activities.MapGet("/{id:guid}", async (Guid id, GetActivities get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<ActivityView>().ProducesProblem(StatusCodes.Status404NotFound);
        activities.MapPost("", async (ActivityInput input, SaveActivity save, GetActivities get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/activities/{created.Value}", (await get.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<ActivityView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        activities.MapPut("/{id:guid}", async (Guid id, ActivityInput input, SaveActivity save, GetActivities get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<ActivityView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        activities.MapPost("/{id:guid}/submit", async (Guid id, ActivityActionInput input, SaveActivity save, GetActivities get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Submit(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<ActivityView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        activities.MapPost("/{id:guid}/outcome", async (Guid id, ActivityOutcomeInput input, SaveActivity save, GetActivities get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.RecordOutcome(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<ActivityView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var claims = api.MapGroup("/expense-claims").WithTags("Expenses").RequireAuthorization(Policies.ReadAccounts);
        claims.MapGet("", async ([AsParameters] ExpenseClaimQuery query, GetClaims get, HttpContext ctx, CancellationToken ct) =>
            (await get.List(query, ct)).Ok(ctx)).Produces<Kam.Core.Common.PagedResult<ExpenseClaimRow>>().ProducesValidationProblem();
        claims.MapGet("/by-account/{accountId:guid}", async (Guid accountId, int? page, int? pageSize, GetClaims get, HttpContext ctx, CancellationToken ct) =>
            (await get.ForAccount(accountId, page, pageSize, ct)).Ok(ctx)).Produces<AccountExpensesView>().ProducesProblem(StatusCodes.Status404NotFound);
        claims.MapGet("/export", ExportClaims);
        // The UI's export link: the same export, authenticated by the sign-in cookie.
        app.MapGet("/expenses/export", ExportClaims).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        claims.MapGet("/{id:guid}", async (Guid id, GetClaims get, HttpContext ctx, CancellationToken ct) =>
            (await get.Get(id, ct)).Ok(ctx)).Produces<ExpenseClaimView>().ProducesProblem(StatusCodes.Status404NotFound);
        claims.MapPost("", async (ExpenseClaimInput input, SaveClaim save, GetClaims get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/expense-claims/{created.Value}", (await get.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<ExpenseClaimView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden);
        claims.MapPut("/{id:guid}", async (Guid id, ExpenseClaimInput input, SaveClaim save, GetClaims get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Update(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<ExpenseClaimView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        claims.MapPost("/{id:guid}/submit", async (Guid id, ClaimActionInput input, SubmitClaim submit, GetClaims get, HttpContext ctx, CancellationToken ct) =>
            await Then(await submit.Handle(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<ExpenseClaimView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        claims.MapPost("/{id:guid}/cancel", async (Guid id, ClaimActionInput input, SaveClaim save, GetClaims get, HttpContext ctx, CancellationToken ct) =>
            await Then(await save.Cancel(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<ExpenseClaimView>().ProducesProblem(StatusCodes.Status409Conflict);
        claims.MapPost("/{id:guid}/pay", async (Guid id, ClaimPaymentInput input, PayClaim pay, GetClaims get, HttpContext ctx, CancellationToken ct) =>
            await Then(await pay.Handle(id, input, ct), () => get.Get(id, ct), ctx))
            .Produces<ExpenseClaimView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        claims.MapPost("/{id:guid}/receipts", async (Guid id, IFormFile? file, ClaimReceipts receipts, HttpContext ctx, CancellationToken ct) =>
        {
            if (file is null)
                return Problems.From(Kam.Core.Common.Error.Validation("file", "import.file_required"), ctx);
            await using var stream = file.OpenReadStream();
            var saved = await receipts.Upload(id, file.FileName, file.Length, stream, ct);
            return saved.IsSuccess ? TypedResults.Created($"/api/expense-receipts/{saved.Value.Id}", saved.Value) : Problems.From(saved.Error!, ctx);
        }).DisableAntiforgery().Produces<ExpenseReceiptView>(StatusCodes.Status201Created).ProducesValidationProblem();
        api.MapGet("/expense-receipts/{id:guid}", Receipt).WithTags("Expenses").RequireAuthorization(Policies.ReadAccounts);
        app.MapGet("/expense-receipts/{id:guid}", Receipt).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
    }

    private static Task<IResult> ExecutionExport(int? year, string? groupBy, ExportExpenses export, HttpContext ctx, CancellationToken ct) =>
        Spreadsheets.Export("nav.budget_execution", path => export.WriteExecutionAsync(year, groupBy, path, ct), ctx);

    private static Task<IResult> BudgetExport(Guid id, ExportExpenses export, HttpContext ctx, CancellationToken ct) =>
        Spreadsheets.Export("nav.budgets", path => export.WriteBudgetAsync(id, path, ct), ctx);

    private static Task<IResult> ActivitiesExport(int? year, ExportExpenses export, HttpContext ctx, CancellationToken ct) =>
        Spreadsheets.Export("nav.activities", path => export.WriteActivitiesAsync(year, path, ct), ctx);

    private static Task<IResult> ExportClaims([AsParameters] ExpenseClaimQuery query, ExportClaims export, CancellationToken ct) =>
        Spreadsheets.Export("nav.expense_claims", path => export.WriteAsync(query, path, ct));

    private static async Task<IResult> Receipt(Guid id, ClaimReceipts receipts, HttpContext ctx, CancellationToken ct)
    {
        var found = await receipts.Download(id, ct);
        return found.IsSuccess
            ? TypedResults.File(found.Value.Content, found.Value.Receipt.ContentType, found.Value.Receipt.FileName)
            : Problems.From(found.Error!, ctx);
    }

    private static async Task<IResult> Then<T>(Kam.Core.Common.Result done, Func<Task<Kam.Core.Common.Result<T>>> view, HttpContext ctx) =>
        done.IsSuccess ? (await view()).Ok(ctx) : Problems.From(done.Error!, ctx);
}
