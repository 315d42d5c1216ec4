using FluentValidation;
using Kam.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.WorkItems;

public sealed record NoteInput(string? Text);

public sealed class NoteInputValidator : AbstractValidator<NoteInput>
{
    public NoteInputValidator()
    {
        RuleFor(x => x.Text).NotEmpty().WithErrorCode("workitem.note_required").MaximumLength(2000).WithErrorCode("field.too_long");
    }
}

/// <summary>A progress note by the owner, or a follow-up (督办) by the assigner, the head or the assistant.</summary>
public sealed class AddWorkItemNote(IKamDb db, ICurrentUser me, IValidator<NoteInput> validator)
{
    public async Task<Result<Guid>> Handle(Guid id, NoteInput input, CancellationToken ct = default)
    {
        var item = await db.Read<WorkItem>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (item is null)
            return Error.NotFound("workitem.not_found");
        if (!WorkItemAccess.Owns(me, item) && !WorkItemAccess.FollowsUp(me, item))
            return Error.Forbidden("workitem.not_yours");
        if (await validator.CheckAsync(input, ct) is { } invalid)
            return invalid;
        var note = new WorkItemNote { WorkItemId = id, UserId = me.Id ?? Guid.Empty, Text = input.Text!.Trim() };
        db.Unscoped<WorkItemNote>().Add(note);
        await db.SaveChangesAsync(ct);
        return note.Id;
    }
}
