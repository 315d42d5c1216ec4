using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

public sealed class GetWorkItem(IKamDb db, ICurrentUser me, TimeProvider clock, ListWorkItems list)
{
    public async Task<Result<WorkItemDetail>> Handle(Guid id, CancellationToken ct = default)
    {
        var item = await WorkItemAccess.Visible(db, me).AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null)
            return Error.NotFound("workitem.not_found");
        var row = await list.Rows(db.WorkItems.Where(w => w.Id == id), clock.Today()).FirstAsync(ct);
        var notes = await (from n in db.WorkItemNotes.AsNoTracking()
                           where n.WorkItemId == id
                           orderby n.CreatedAt
                           select new WorkItemNoteRow(n.Id, n.UserId, db.Users.Where(u => u.Id == n.UserId).Select(u => u.DisplayName).FirstOrDefault() ?? "", n.Text, n.CreatedAt))
            .ToListAsync(ct);
        return new WorkItemDetail(row, item.Details, item.DoneAt, item.CancelReason, item.CreatedAt, item.Version, notes,
            CanChangeStatus: WorkItemAccess.Owns(me, item) || WorkItemAccess.FollowsUp(me, item),
            CanFollowUp: WorkItemAccess.FollowsUp(me, item));
    }
}
