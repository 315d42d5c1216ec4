using Kam.Core.Common;
using Kam.Core.Users;

namespace Kam.Web.Api;

public static class MeEndpoints
{
    public static void MapMe(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Me").OpenToEverySignedInUser();
        me.MapGet("", async (ICurrentUser user, GetUser get, HttpContext ctx, CancellationToken ct) =>
            user.Id is { } id ? (await get.Handle(id, ct)).Ok(ctx) : TypedResults.Unauthorized())
            .Produces<UserRow>();
        me.MapPut("/password", async (ChangePasswordRequest request, ChangePassword change, HttpContext ctx, CancellationToken ct) =>
            (await change.Handle(request, ct)).NoContent(ctx))
            .ProducesValidationProblem();
    }
}
