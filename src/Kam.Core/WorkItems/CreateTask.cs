using FluentValidation;
using Kam.Core.Common;

namespace Kam.Core.WorkItems;

/// <summary>The head assigns work directly (布置工作) to a person, with a due date.</summary>
public sealed class CreateTask(IKamDb db, ICurrentUser me, IValidator<WorkItemInput> validator, WorkItemRules rules)
{
    public async Task<Result<Guid>> Handle(WorkItemInput input, CancellationToken ct = default)
    {
        if (!WorkItemAccess.AssignsTasks(me))
            return Error.Forbidden("workitem.only_head_assigns");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (await rules.CheckAsync(input, "", ct) is { } error)
            return error;
        var item = await rules.AddAsync(WorkItemKind.Task, input, null, ct);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}
