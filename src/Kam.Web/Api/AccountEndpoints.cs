using Kam.Core.Accounts;
using Kam.Core.Identity;

namespace Kam.Web.Api;

public static class AccountEndpoints
{
    public static void MapAccounts(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.ReadAccounts);
        accounts.MapGet("", async ([AsParameters] AccountQuery query, ListAccounts list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        accounts.MapGet("/{id:guid}", async (Guid id, GetAccount get, HttpContext ctx, CancellationToken ct) =>
            (await get.Handle(id, ct)).Ok(ctx)).Produces<AccountDetail>();
        accounts.MapPost("", async (AccountInput input, CreateAccount create, GetAccount get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await create.Handle(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/accounts/{created.Value}", (await get.Handle(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<AccountDetail>(StatusCodes.Status201Created).ProducesValidationProblem();
        accounts.MapPut("/{id:guid}", async (Guid id, AccountInput input, UpdateAccount update, GetAccount get, HttpContext ctx, CancellationToken ct) =>
        {
            var updated = await update.Handle(id, input, ct);
            return updated.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(updated.Error!, ctx);
        }).Produces<AccountDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        accounts.MapPost("/{id:guid}/archive", async (Guid id, ArchiveAccount archive, HttpContext ctx, CancellationToken ct) =>
            (await archive.Archive(id, ct)).NoContent(ctx));
        accounts.MapPost("/{id:guid}/restore", async (Guid id, ArchiveAccount archive, HttpContext ctx, CancellationToken ct) =>
            (await archive.Restore(id, ct)).NoContent(ctx));
        accounts.MapPut("/{id:guid}/team", async (Guid id, TeamInput input, SetAccountTeam team, HttpContext ctx, CancellationToken ct) =>
            (await team.Handle(id, input, ct)).NoContent(ctx));
        accounts.MapPut("/{id:guid}/tier", async (Guid id, TierOverrideInput input, OverrideTier tier, HttpContext ctx, CancellationToken ct) =>
            (await tier.Handle(id, input, ct)).NoContent(ctx));
        accounts.MapGet("/{id:guid}/history", async (Guid id, int? page, int? pageSize, AccountHistory history, HttpContext ctx, CancellationToken ct) =>
            (await history.Handle(id, page ?? 1, pageSize ?? 50, ct)).Ok(ctx));
        accounts.MapGet("/{id:guid}/timeline", async (Guid id, Kam.Core.Timeline.AccountTimeline timeline, HttpContext ctx, CancellationToken ct) =>
            (await timeline.Handle(id, 100, ct)).Ok(ctx));
        accounts.MapGet("/{id:guid}/contacts", async (Guid id, Contacts contacts, HttpContext ctx, CancellationToken ct) =>
            (await contacts.List(id, ct)).Ok(ctx)).Produces<IReadOnlyList<ContactRow>>();
        accounts.MapPost("/{id:guid}/contacts", async (Guid id, ContactInput input, Contacts contacts, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await contacts.Create(id, input, ct);
            return created.IsSuccess ? TypedResults.Created($"/api/contacts/{created.Value.Id}", created.Value) : Problems.From(created.Error!, ctx);
        }).Produces<ContactRow>(StatusCodes.Status201Created).ProducesValidationProblem();

        var contactsGroup = api.MapGroup("/contacts").WithTags("Accounts").RequireAuthorization(Policies.ReadAccounts);
        contactsGroup.MapPut("/{id:guid}", async (Guid id, ContactInput input, Contacts contacts, HttpContext ctx, CancellationToken ct) =>
            (await contacts.Update(id, input, ct)).Ok(ctx)).Produces<ContactRow>().ProducesValidationProblem();
        contactsGroup.MapPost("/{id:guid}/archive", async (Guid id, Contacts contacts, HttpContext ctx, CancellationToken ct) =>
            (await contacts.Archive(id, ct)).NoContent(ctx));

        var settings = api.MapGroup("/settings").WithTags("Accounts").RequireAuthorization(Policies.ReadAccounts);
        settings.MapGet("/tier-policy", async (ManageTierPolicy policy, CancellationToken ct) => TypedResults.Ok(await policy.Get(ct)));
        settings.MapPut("/tier-policy", async (TierPolicy input, ManageTierPolicy policy, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await policy.Save(input, ct);
            return saved.IsSuccess ? TypedResults.Ok(new { changed = saved.Value }) : Problems.From(saved.Error!, ctx);
        }).RequireAuthorization(Policies.ManageAccounts);
        api.MapGet("/divisions", (Divisions divisions) => TypedResults.Ok(divisions.Provinces))
            .WithTags("Accounts").RequireAuthorization(Policies.ReadAccounts);
    }
}
