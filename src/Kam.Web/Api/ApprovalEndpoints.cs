using Kam.Core.Approvals;
using Kam.Core.Identity;

namespace Kam.Web.Api;

public static class ApprovalEndpoints
{
    public static void MapApprovals(this RouteGroupBuilder api)
    {
        var approvals = api.MapGroup("/approvals").WithTags("Approvals").RequireAuthorization(Policies.ReadAccounts);
        approvals.MapGet("", async ([AsParameters] ApprovalQuery query, ListApprovals list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        approvals.MapGet("/pending", async ([AsParameters] ApprovalQuery query, ListApprovals list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query with { Box = ApprovalBox.Pending, DocumentId = null }, ct)));
        approvals.MapGet("/{id:guid}", async (Guid id, GetApproval get, HttpContext ctx, CancellationToken ct) =>
            (await get.Handle(id, ct)).Ok(ctx)).Produces<ApprovalView>();
        approvals.MapPost("/{id:guid}/approve", async (Guid id, ApprovalDecision? input, DecideApproval decide, GetApproval get, HttpContext ctx, CancellationToken ct) =>
        {
            var decided = await decide.Approve(id, input ?? new ApprovalDecision(null, null), ct);
            return decided.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(decided.Error!, ctx);
        }).Produces<ApprovalView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        approvals.MapPost("/{id:guid}/reject", async (Guid id, ApprovalDecision? input, DecideApproval decide, GetApproval get, HttpContext ctx, CancellationToken ct) =>
        {
            var decided = await decide.Reject(id, input ?? new ApprovalDecision(null, null), ct);
            return decided.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(decided.Error!, ctx);
        }).Produces<ApprovalView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        approvals.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawApproval withdraw, GetApproval get, HttpContext ctx, CancellationToken ct) =>
        {
            var done = await withdraw.Handle(id, ct);
            return done.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(done.Error!, ctx);
        }).Produces<ApprovalView>().ProducesProblem(StatusCodes.Status409Conflict);
        approvals.MapPost("/{id:guid}/delegate", async (Guid id, ApprovalDelegation input, DelegateApproval delegation, GetApproval get, HttpContext ctx, CancellationToken ct) =>
        {
            var done = await delegation.Handle(id, input, ct);
            return done.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(done.Error!, ctx);
        }).Produces<ApprovalView>().ProducesValidationProblem();

        var rules = api.MapGroup("/approval-rules").WithTags("Approvals").RequireAuthorization(Policies.ManageApprovalRules);
        rules.MapGet("", async (ManageApprovalRules manage, CancellationToken ct) => TypedResults.Ok(await manage.Get(ct)));
        rules.MapPut("", async (ApprovalRulesInput input, ManageApprovalRules manage, HttpContext ctx, CancellationToken ct) =>
            (await manage.Update(input, ct)).Ok(ctx)).Produces<ApprovalRulesView>().ProducesValidationProblem();
    }
}
