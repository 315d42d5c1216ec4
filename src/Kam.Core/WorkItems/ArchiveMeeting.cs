using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>The head or the assistant archives a meeting (it leaves the default list) or restores it; nothing is deleted.</summary>
public sealed class ArchiveMeeting(IKamDb db, ICurrentUser me, TimeProvider clock)
{
    public Task<Result> Archive(Guid id, CancellationToken ct = default) => Set(id, archive: true, ct);

    public Task<Result> Restore(Guid id, CancellationToken ct = default) => Set(id, archive: false, ct);

    private async Task<Result> Set(Guid id, bool archive, CancellationToken ct)
    {
        var meeting = await db.Read<Meeting>().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return Error.NotFound("meeting.not_found");
        if (!WorkItemAccess.RecordsMeetings(me))
            return Error.Forbidden("meeting.only_recorders");
        if (archive == meeting.ArchivedAt is not null)
            return Result.Success;
        meeting.ArchivedAt = archive ? clock.GetUtcNow() : null;
        await db.SaveChangesAsync(ct);
        return Result.Success;
    }
}
