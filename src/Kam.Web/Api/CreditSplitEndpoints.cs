using Kam.Core.Identity;
using Kam.Core.Targets;

namespace Kam.Web.Api;

public static class CreditSplitEndpoints
{
    public static void MapCreditSplits(this RouteGroupBuilder api)
    {
        var splits = api.MapGroup("/credit-splits").WithTags("Targets").RequireAuthorization(Policies.ReadAccounts);
        splits.MapGet("", async (CreditDocument? document, Guid? documentId, SplitCredit split, HttpContext ctx, CancellationToken ct) =>
            (await split.Get(document, documentId, ct)).Ok(ctx)).Produces<CreditView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        splits.MapPost("", async (CreditSplitInput input, SplitCredit split, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await split.Handle(input, ct);
            return saved.IsSuccess ? (await split.Get(input.Document, input.DocumentId, ct)).Ok(ctx) : Problems.From(saved.Error!, ctx);
        }).Produces<CreditView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
