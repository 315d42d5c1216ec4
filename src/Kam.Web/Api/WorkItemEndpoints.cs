using Kam.Core.Identity;
using Kam.Core.WorkItems;

namespace Kam.Web.Api;

public static class WorkItemEndpoints
{
    public static void MapWorkItems(this RouteGroupBuilder api)
    {
        var meetings = api.MapGroup("/meetings").WithTags("Meetings").RequireAuthorization(Policies.ReadAccounts);
        meetings.MapGet("", async ([AsParameters] MeetingQuery query, ListMeetings list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        meetings.MapGet("/{id:guid}", async (Guid id, GetMeeting get, HttpContext ctx, CancellationToken ct) =>
            (await get.Handle(id, ct)).Ok(ctx)).Produces<MeetingDetail>();
        meetings.MapPost("", async (MeetingInput input, SaveMeeting save, GetMeeting get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await save.Create(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/meetings/{created.Value}", (await get.Handle(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<MeetingDetail>(StatusCodes.Status201Created).ProducesValidationProblem();
        meetings.MapPut("/{id:guid}", async (Guid id, MeetingInput input, SaveMeeting save, GetMeeting get, HttpContext ctx, CancellationToken ct) =>
        {
            var updated = await save.Update(id, input, ct);
            return updated.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(updated.Error!, ctx);
        }).Produces<MeetingDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        meetings.MapPost("/{id:guid}/archive", async (Guid id, ArchiveMeeting archive, HttpContext ctx, CancellationToken ct) =>
            (await archive.Archive(id, ct)).NoContent(ctx));
        meetings.MapPost("/{id:guid}/restore", async (Guid id, ArchiveMeeting archive, HttpContext ctx, CancellationToken ct) =>
            (await archive.Restore(id, ct)).NoContent(ctx));
        meetings.MapPost("/{id:guid}/action-items", async (Guid id, WorkItemInput input, AddActionItem add, GetWorkItem get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await add.Handle(id, input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/tasks/{created.Value}", (await get.Handle(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<WorkItemDetail>(StatusCodes.Status201Created).ProducesValidationProblem();

        // Tasks and action items are one list: /api/tasks serves both (filter by kind).
        var tasks = api.MapGroup("/tasks").WithTags("Tasks").RequireAuthorization(Policies.ReadAccounts);
        tasks.MapGet("", async ([AsParameters] WorkItemQuery query, ListWorkItems list, CancellationToken ct) =>
            TypedResults.Ok(await list.Handle(query, ct)));
        tasks.MapGet("/{id:guid}", async (Guid id, GetWorkItem get, HttpContext ctx, CancellationToken ct) =>
            (await get.Handle(id, ct)).Ok(ctx)).Produces<WorkItemDetail>();
        tasks.MapPost("", async (WorkItemInput input, CreateTask create, GetWorkItem get, HttpContext ctx, CancellationToken ct) =>
        {
            var created = await create.Handle(input, ct);
            return created.IsSuccess
                ? TypedResults.Created($"/api/tasks/{created.Value}", (await get.Handle(created.Value, ct)).Value)
                : Problems.From(created.Error!, ctx);
        }).Produces<WorkItemDetail>(StatusCodes.Status201Created).ProducesValidationProblem();
        tasks.MapPut("/{id:guid}", async (Guid id, WorkItemUpdate input, UpdateWorkItem update, GetWorkItem get, HttpContext ctx, CancellationToken ct) =>
        {
            var updated = await update.Handle(id, input, ct);
            return updated.IsSuccess ? (await get.Handle(id, ct)).Ok(ctx) : Problems.From(updated.Error!, ctx);
        }).Produces<WorkItemDetail>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        tasks.MapPost("/{id:guid}/notes", async (Guid id, NoteInput input, AddWorkItemNote add, GetWorkItem get, HttpContext ctx, CancellationToken ct) =>
        {
            var added = await add.Handle(id, input, ct);
            return added.IsSuccess
                ? TypedResults.Created($"/api/tasks/{id}", (await get.Handle(id, ct)).Value)
                : Problems.From(added.Error!, ctx);
        }).Produces<WorkItemDetail>(StatusCodes.Status201Created).ProducesValidationProblem();
    }
}
