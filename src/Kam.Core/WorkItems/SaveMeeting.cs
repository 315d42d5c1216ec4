using FluentValidation;
using Kam.Core.Common;
using Kam.Core.Users;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

/// <summary>The head or the assistant records a meeting (会议纪要) or edits its minutes; new decisions become action items.</summary>
public sealed class SaveMeeting(IKamDb db, ICurrentUser me, IValidator<MeetingInput> validator, WorkItemRules rules)
{
    public async Task<Result<Guid>> Create(MeetingInput input, CancellationToken ct = default)
    {
        if (!WorkItemAccess.RecordsMeetings(me))
            return Error.Forbidden("meeting.only_recorders");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (await CheckAsync(input, ct) is { } error)
            return error;
        var meeting = new Meeting();
        db.Unscoped<Meeting>().Add(meeting);
        await ApplyAsync(meeting, input, ct);
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public async Task<Result<Guid>> Update(Guid id, MeetingInput input, CancellationToken ct = default)
    {
        var meeting = await db.Read<Meeting>().Include(m => m.Attendees).FirstOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
            return Error.NotFound("meeting.not_found");
        if (!WorkItemAccess.RecordsMeetings(me))
            return Error.Forbidden("meeting.only_recorders");
        if (meeting.ArchivedAt is not null)
            return Error.Conflict("meeting.archived");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        if (input.Version is not { } version)
            return Error.Validation("version", "field.version_required");
        if (version != meeting.Version)
            return Error.Conflict();
        if (await CheckAsync(input, ct) is { } error)
            return error;
        db.Entry(meeting).Property(m => m.Version).OriginalValue = version;
        await ApplyAsync(meeting, input, ct);
        // The attendees are part of the minutes: the meeting's version moves even when only they changed.
        db.Entry(meeting).Property(m => m.UpdatedAt).IsModified = true;
        if (await db.SaveOrConflictAsync(ct) is { } conflict)
            return conflict;
        return meeting.Id;
    }

    // Everything is checked before anything changes, so a refused save leaves nothing half-made in the unit of work.
    private async Task<Error?> CheckAsync(MeetingInput input, CancellationToken ct)
    {
        var attendeeIds = (input.AttendeeIds ?? []).Distinct().ToList();
        if (await db.Unscoped<User>().CountAsync(u => attendeeIds.Contains(u.Id), ct) != attendeeIds.Count)
            return Error.Validation("attendeeIds", "meeting.attendee_invalid");
        var items = input.ActionItems ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            if (await rules.CheckAsync(items[i], $"actionItems[{i}].", ct) is { } error)
                return error;
        }
        return null;
    }

    private async Task ApplyAsync(Meeting meeting, MeetingInput input, CancellationToken ct)
    {
        var attendeeIds = (input.AttendeeIds ?? []).Distinct().ToList();
        meeting.Title = input.Title.Trim();
        meeting.At = input.At!.Value.ToUniversalTime();
        meeting.Location = Clean(input.Location);
        meeting.OtherAttendees = Clean(input.OtherAttendees);
        meeting.Agenda = Clean(input.Agenda);
        meeting.Minutes = Clean(input.Minutes);
        meeting.Decisions = Clean(input.Decisions);
        meeting.Attendees.RemoveAll(a => !attendeeIds.Contains(a.UserId));
        meeting.Attendees.AddRange(attendeeIds.Where(u => meeting.Attendees.All(a => a.UserId != u))
            .Select(u => new MeetingAttendee { MeetingId = meeting.Id, UserId = u }));
        foreach (var item in input.ActionItems ?? [])
            await rules.AddAsync(WorkItemKind.ActionItem, item, meeting.Id, ct);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
