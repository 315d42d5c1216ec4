using System.Globalization;
using Kam.Core.Common;
using Kam.Core.Contracts;
using Kam.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kam.Web.Api;

public static class ContractEndpoints
{
    public static void MapContracts(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var contracts = api.MapGroup("/contracts").WithTags("Contracts").RequireAuthorization(Policies.ReadAccounts);
        contracts.MapGet("", async ([AsParameters] ContractQuery query, ListContracts list, CancellationToken ct) =>
            TypedResults.Ok(await list.List(query, ct)));
        contracts.MapGet("/expiring", async (int? page, int? pageSize, ListContracts list, CancellationToken ct) =>
            TypedResults.Ok(await list.Expiring(page, pageSize, ct)));
        contracts.MapGet("/export", Export);
        // The UI's export link: the same export, authenticated by the sign-in cookie.
        app.MapGet("/contracts/export", Export).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
        contracts.MapGet("/{id:guid}", async (Guid id, ListContracts list, HttpContext ctx, CancellationToken ct) =>
            (await list.Get(id, ct)).Ok(ctx)).Produces<ContractView>();
        contracts.MapPost("", async (ContractInput input, CreateContract create, ListContracts list, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await create.Handle(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/contracts/{created.Value}", (await list.Get(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<ContractView>(StatusCodes.Status201Created).ProducesValidationProblem();
        contracts.MapPut("/{id:guid}", async (Guid id, ContractInput input, UpdateContract update, ListContracts list, HttpContext ctx, CancellationToken ct) =>
            await Then((await update.Handle(id, input, ct)).Error, id, list, ctx, ct))
            .Produces<ContractView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        contracts.MapPost("/{id:guid}/submit", async (Guid id, ContractActionInput? input, SubmitContract submit, ListContracts list, HttpContext ctx, CancellationToken ct) =>
            await Then((await submit.Handle(id, input ?? new ContractActionInput(), ct)).Error, id, list, ctx, ct))
            .Produces<ContractView>().ProducesProblem(StatusCodes.Status409Conflict);
        contracts.MapPost("/{id:guid}/sign", async (Guid id, IFormFile? file, [FromForm] string? signedOn, [FromForm] string? version,
            SignContract sign, ListContracts list, HttpContext ctx, CancellationToken ct) =>
        {
            DateOnly? date = null;
            if (!string.IsNullOrWhiteSpace(signedOn))
            {
                if (!DateOnly.TryParseExact(signedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    return Problems.From(Error.Validation("signedOn", "contract.signed_on_invalid"), ctx);
                date = parsed;
            }
            Guid? seen = Guid.TryParse(version, out var v) ? v : null;
            await using var content = file?.OpenReadStream();
            var upload = file is null || content is null ? null : new UploadedFile(file.FileName, file.ContentType, file.Length, content);
            return await Then((await sign.Handle(id, new SignInput(date, seen), upload, ct)).Error, id, list, ctx, ct);
        }).DisableAntiforgery().Produces<ContractView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        contracts.MapPost("/{id:guid}/terminate", async (Guid id, TerminateInput input, TerminateContract terminate, ListContracts list, HttpContext ctx, CancellationToken ct) =>
            await Then((await terminate.Handle(id, input, ct)).Error, id, list, ctx, ct))
            .Produces<ContractView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        contracts.MapPost("/{id:guid}/archive", async (Guid id, ArchiveContract archive, HttpContext ctx, CancellationToken ct) =>
            (await archive.Archive(id, ct)).NoContent(ctx));
        contracts.MapPost("/{id:guid}/restore", async (Guid id, ArchiveContract archive, HttpContext ctx, CancellationToken ct) =>
            (await archive.Restore(id, ct)).NoContent(ctx));

        contracts.MapGet("/numbering", async (ContractNumbers numbers, CancellationToken ct) => TypedResults.Ok(await numbers.Get(ct)));
        contracts.MapPut("/numbering", async (ContractNumberingInput input, ContractNumbers numbers, HttpContext ctx, CancellationToken ct) =>
            (await numbers.Set(input, ct)).Ok(ctx)).RequireAuthorization(Policies.ManageAccounts).Produces<ContractNumbering>().ProducesValidationProblem();

        var accounts = api.MapGroup("/accounts").WithTags("Contracts").RequireAuthorization(Policies.ReadAccounts);
        accounts.MapGet("/{id:guid}/contracts", async (Guid id, int? page, int? pageSize, ListContracts list, HttpContext ctx, CancellationToken ct) =>
            (await list.ForAccount(id, page, pageSize, ct)).Ok(ctx)).Produces<PagedResult<ContractRow>>();
    }

    private static async Task<IResult> Then(Error? error, Guid id, ListContracts list, HttpContext ctx, CancellationToken ct) =>
        error is null ? (await list.Get(id, ct)).Ok(ctx) : Problems.From(error, ctx);

    private static Task<IResult> Export([AsParameters] ContractQuery query, ExportContracts export, CancellationToken ct) =>
        Spreadsheets.Export("nav.contracts", path => export.WriteAsync(query, path, ct));
}
