using Kam.Core.Attachments;
using Kam.Core.Channels;
using Kam.Core.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Kam.Web.Api;

public static class ChannelAgentEndpoints
{
    public static void MapChannelAgents(this RouteGroupBuilder api, IEndpointRouteBuilder app)
    {
        var agents = api.MapGroup("/channel-agents").WithTags("Channel agents").RequireAuthorization(Policies.ReadAccounts);
        agents.MapGet("", async ([AsParameters] AgentQuery query, ChannelAgents list, CancellationToken ct) => TypedResults.Ok(await list.List(query, ct)));
        agents.MapGet("/{id:guid}", async (Guid id, ChannelAgents list, HttpContext ctx, CancellationToken ct) => (await list.Get(id, ct)).Ok(ctx))
            .Produces<AgentRow>();
        agents.MapPost("", async (AgentInput input, ChannelAgents list, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await list.Save(null, input, ct);
            return saved.IsSuccess ? TypedResults.Created($"/api/channel-agents/{saved.Value}", (await list.Get(saved.Value, ct)).Value) : Problems.From(saved.Error!, ctx);
        }).Produces<AgentRow>(StatusCodes.Status201Created).ProducesValidationProblem();
        agents.MapPut("/{id:guid}", async (Guid id, AgentInput input, ChannelAgents list, HttpContext ctx, CancellationToken ct) =>
        {
            var saved = await list.Save(id, input, ct);
            return saved.IsSuccess ? (await list.Get(id, ct)).Ok(ctx) : Problems.From(saved.Error!, ctx);
        }).Produces<AgentRow>().ProducesValidationProblem();

        var files = api.MapGroup("").WithTags("Accounts").RequireAuthorization(Policies.ReadAccounts);
        files.MapGet("/accounts/{id:guid}/attachments", async (Guid id, AccountAttachments attachments, HttpContext ctx, CancellationToken ct) =>
            (await attachments.List(id, ct)).Ok(ctx));
        files.MapPost("/accounts/{id:guid}/attachments", async (Guid id, IFormFile? file, [FromQuery] AttachmentKind? kind,
            AccountAttachments attachments, HttpContext ctx, CancellationToken ct) =>
        {
            if (file is null)
                return Problems.From(Kam.Core.Common.Error.Validation("file", "import.file_required"), ctx);
            await using var stream = file.OpenReadStream();
            var saved = await attachments.Upload(id, file.FileName, file.ContentType, file.Length, kind ?? AttachmentKind.Other, stream, ct);
            return saved.IsSuccess ? TypedResults.Created($"/api/attachments/{saved.Value}", new { id = saved.Value }) : Problems.From(saved.Error!, ctx);
        }).DisableAntiforgery().ProducesValidationProblem();
        files.MapGet("/attachments/{id:guid}", Download);
        app.MapGet("/attachments/{id:guid}", Download).RequireAuthorization(Policies.ReadAccounts).ExcludeFromDescription();
    }

    private static async Task<IResult> Download(Guid id, AccountAttachments attachments, HttpContext ctx, CancellationToken ct)
    {
        var found = await attachments.Download(id, ct);
        return found.IsSuccess
            ? TypedResults.File(found.Value.Content, found.Value.Row.ContentType, found.Value.Row.FileName)
            : Problems.From(found.Error!, ctx);
    }
}
