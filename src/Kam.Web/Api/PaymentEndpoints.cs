using Kam.Core.Identity;
using Kam.Core.Payments;

namespace Kam.Web.Api;

/// <summary>Payment plans of contracts, payments (回款) and receivables (应收) with their exports.</summary>
public static class PaymentEndpoints
{
    public static void MapPayments(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Payments").RequireAuthorization(Policies.ReadAccounts);
        contracts.MapGet("/{id:guid}/payment-plan", async (Guid id, ManagePaymentPlan plan, HttpContext ctx, CancellationToken ct) =>
            (await plan.Get(id, ct)).Ok(ctx)).Produces<PaymentPlanView>();
        contracts.MapPut("/{id:guid}/payment-plan", async (Guid id, PaymentPlanInput input, ManagePaymentPlan plan, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await plan.Save(id, input, ct);
            return saved.IsSuccess ? (await plan.Get(id, ct)).Ok(ctx) : Problems.From(saved.Error!, ctx);
        }).Produces<PaymentPlanView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        var payments = api.MapGroup("/payments").WithTags("Payments").RequireAuthorization(Policies.ReadAccounts);
        payments.MapGet("", async ([AsParameters] PaymentQuery query, ListPayments list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        payments.MapGet("/{id:guid}", async (Guid id, ListPayments list, HttpContext ctx, CancellationToken ct) =>
            (await list.Get(id, ct)).Ok(ctx)).Produces<PaymentRow>();
        payments.MapPost("", async (PaymentInput input, RecordPayment record, ListPayments list, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await record.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/payments/{created.Value}", (await list.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<PaymentRow>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapPost("/{id:guid}/reverse", async (Guid id, PaymentReversalInput input, RecordPayment record, ListPayments list, HttpContext ctx, CancellationToken ct) =>
        {
            var reversed = await record.Reverse(id, input, ct);
            return reversed.IsSuccess ? (await list.Get(id, ct)).Ok(ctx) : Problems.From(reversed.Error!, ctx);
        }).Produces<PaymentRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        payments.MapGet("/export", ExportPayments);
        // The UI's export links: the same exports, authenticated by the sign-in cookie.
        app.MapGet("/payments/export", ExportPayments).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();

        var receivables = api.MapGroup("/receivables").WithTags("Payments").RequireAuthorization(Policies.ReadAccounts);
        receivables.MapGet("", async ([AsParameters] ReceivableQuery query, Receivables list, HttpContext ctx, CancellationToken ct) =>
            (await list.Summary(query, ct)).Ok(ctx)).Produces<ReceivableSummary>();
        receivables.MapGet("/instalments", async ([AsParameters] ReceivableQuery query, Receivables list, HttpContext ctx, CancellationToken ct) =>
            (await list.Items(query, ct)).Ok(ctx));
        receivables.MapGet("/export", ExportReceivables);
        app.MapGet("/receivables/export", ExportReceivables).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
    }

    private static Task<IResult> ExportPayments([AsParameters] PaymentQuery query, ExportPayments export, CancellationToken ct) =>
        Spreadsheets.Export("export.sheet.payments", path => export.WritePaymentsAsync(query, path, ct));

    private static Task<IResult> ExportReceivables([AsParameters] ReceivableQuery query, ExportPayments export, CancellationToken ct) =>
        Spreadsheets.Export("nav.receivables", path => export.WriteReceivablesAsync(query, path, ct));

}
