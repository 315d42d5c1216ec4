using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>A meeting's minutes with its action items (only the ones the reader may see).</summary>
public sealed class GetMeeting(IKamDb db, ICurrentUser me, TimeProvider clock, ListWorkItems list)
{
    public async Task<Result<MeetingDetail>> Handle(Guid id, CancellationToken ct = default)
    {
        var m = await db.Read<Meeting>().AsNoTracking().Include(x => x.Attendees).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (m is null)
            return Error.NotFound("meeting.not_found");
        var ids = m.Attendees.Select(a => a.UserId).Append(m.CreatedById ?? Guid.Empty).ToList();
        var names = await db.Unscoped<User>().AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var attendees = m.Attendees.Select(a => new PersonRef(a.UserId, names.GetValueOrDefault(a.UserId, ""))).OrderBy(p => p.Name).ToList();
        var items = await list.Rows(db.Read<WorkItem>().Where(w => w.MeetingId == id).OrderBy(w => w.CreatedAt), clock.Today()).ToListAsync(ct);
        return new MeetingDetail(m.Id, m.Title, m.At, m.Location, attendees, m.OtherAttendees, m.Agenda, m.Minutes, m.Decisions, m.ArchivedAt,
            names.GetValueOrDefault(m.CreatedById ?? Guid.Empty, ""), m.Version, items,
            CanEdit: WorkItemAccess.RecordsMeetings(me) && m.ArchivedAt is null);
    }
}
