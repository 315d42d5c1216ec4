using FluentValidation;

namespace Kam.Core.WorkItems;

/// <summary>A meeting's minutes as the recorder edits them; <see cref="ActionItems"/> are new items to create from its decisions.</summary>
public sealed record MeetingInput
{
    public string Title { get; init; } = "";
    public DateTimeOffset? At { get; init; }
    public string? Location { get; init; }
    public IReadOnlyList<Guid>? AttendeeIds { get; init; }
    public string? OtherAttendees { get; init; }
    public string? Agenda { get; init; }
    public string? Minutes { get; init; }
    public string? Decisions { get; init; }
    public IReadOnlyList<WorkItemInput>? ActionItems { get; init; }

    /// <summary>The version the editor loaded (update only); a stale one is refused with 409.</summary>
    public Guid? Version { get; init; }
}

public sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public MeetingInputValidator(IValidator<WorkItemInput> item)
    {
        RuleFor(x => x.Title).NotEmpty().WithErrorCode("meeting.title_required").MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.At).NotNull().WithErrorCode("meeting.at_required");
        RuleFor(x => x.Location).MaximumLength(200).WithErrorCode("field.too_long");
        RuleFor(x => x.OtherAttendees).MaximumLength(500).WithErrorCode("field.too_long");
        RuleFor(x => x.Agenda).MaximumLength(4000).WithErrorCode("field.too_long");
        RuleFor(x => x.Minutes).MaximumLength(8000).WithErrorCode("field.too_long");
        RuleFor(x => x.Decisions).MaximumLength(4000).WithErrorCode("field.too_long");
        RuleFor(x => x.AttendeeIds).Must(a => a is null || a.Count <= 200).WithErrorCode("meeting.attendee_invalid");
        RuleFor(x => x.ActionItems).Must(a => a is null || a.Count <= 50).WithErrorCode("meeting.too_many_action_items");
        RuleForEach(x => x.ActionItems).NotNull().WithErrorCode("meeting.action_item_required").SetValidator(item);
    }
}
