using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

public sealed class GetWorkItem(IKamDb db, ICurrentUser me, TimeProvider clock, ListWorkItems list)
{
    public async Task<Result<WorkItemDetail>> Handle(Guid id, CancellationToken ct = default)
    {
        var item = await db.Read<WorkItem>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null)
            return Error.NotFound("workitem.not_found");
        var row = await list.Rows(db.Unscoped<WorkItem>().Where(w => w.Id == id), clock.Today()).FirstAsync(ct);
        var notes = await (from n in db.Read<WorkItemNote>().AsNoTracking()
                           where n.WorkItemId == id
                           orderby n.CreatedAt
                           select new WorkItemNoteRow(n.Id, n.UserId, db.Unscoped<User>().Where(u => u.Id == n.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", n.Text, n.CreatedAt))
            .ToListAsync(ct);
        return new WorkItemDetail(row, item.Details, item.DoneAt, item.CancelReason, item.CreatedAt, item.Version, notes,
            CanChangeStatus: WorkItemAccess.Owns(me, item) || WorkItemAccess.FollowsUp(me, item),
            CanFollowUp: WorkItemAccess.FollowsUp(me, item));
    }
}
