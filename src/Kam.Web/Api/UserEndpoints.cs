using Kam.Core.Identity;
using Kam.Core.Users;

namespace Kam.Web.Api;

public static class UserEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users").RequireAuthorization(Policies.ManageUsers);
        users.MapGet("", async ([AsParameters] ListUsersQuery query, ListUsers list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        users.MapGet("/{id:guid}", async (Guid id, GetUser get, HttpContext ctx, CancellationToken ct) =>
            (await get.Handle(id, ct)).Ok(ctx)).Produces<UserRow>();
        users.MapPost("", async (CreateUserRequest request, CreateUser create, GetUser get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await create.Handle(request, ct);
            if (!created.IsSuccess)
                return Problems.From(created.Error!, ctx);
            var row = await get.Handle(created.Value, ct);
            return TypedResults.Created($"/api/users/{created.Value}", row.Value);
        }).Produces<UserRow>(StatusCodes.Status201Created).ProducesValidationProblem();
        users.MapPut("/{id:guid}", async (Guid id, UpdateUserRequest request, UpdateUser update, GetUser get, HttpContext ctx, CancellationToken ct) =>
        {
            var updated = await update.Handle(id, request, ct);
            return updated.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(updated.Error!, ctx);
        }).Produces<UserRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{id:guid}/deactivate", async (Guid id, DeactivateUser deactivate, HttpContext ctx, CancellationToken ct) =>
            (await deactivate.Handle(id, ct)).NoContent(ctx)).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPost("/{id:guid}/reactivate", async (Guid id, ReactivateUser reactivate, HttpContext ctx, CancellationToken ct) =>
            (await reactivate.Handle(id, ct)).NoContent(ctx));
        users.MapPost("/{id:guid}/reset-password", async (Guid id, ResetPasswordRequest request, ResetPassword reset, HttpContext ctx, CancellationToken ct) =>
            (await reset.Handle(id, request, ct)).NoContent(ctx)).ProducesValidationProblem();
    }
}
