using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>Turns one more decision of a recorded meeting into an action item (督办事项).</summary>
public sealed class AddActionItem(IKamDb db, ICurrentUser me, IValidator<WorkItemInput> validator, WorkItemRules rules)
{
    public async Task<Result<Guid>> Handle(Guid meetingId, WorkItemInput input, CancellationToken ct = default)
    {
        var meeting = await db.Read<Meeting>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
            return Error.NotFound("meeting.not_found");
        if (!WorkItemAccess.RecordsMeetings(me))
            return Error.Forbidden("meeting.only_recorders");
        if (meeting.ArchivedAt is not null)
            return Error.Conflict("meeting.archived");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (await rules.CheckAsync(input, "", ct) is { } error)
            return error;
        var item = await rules.AddAsync(WorkItemKind.ActionItem, input, meetingId, ct);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}
