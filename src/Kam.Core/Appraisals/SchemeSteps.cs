using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

/// <summary>A scheme drafted, approved by the executive and then locked, changed through a new version for a later
/// month: the appraisal's and the commission's.</summary>
public interface IVersionedScheme
{
    string Name { get; }

    DateOnly FromMonth { get; }

    int Revision { get; }

    SchemeStatus Status { get; set; }

    Guid? ApprovalId { get; set; }

    DateTimeOffset? ApprovedAt { get; set; }
}

/// <summary>The steps the two kinds of scheme share: the gate before an edit, the submission, and what an approval's end
/// does. Error codes are the capability's own ("appraisal.…", "commission.…").</summary>
public static class SchemeSteps
{
    /// <summary>The scheme, tracked and ready to change: found (404), the reader drafts (403), still open (409), the
    /// version the editor saw (400 without it, 409 when stale).</summary>
    public static async Task<Result<T>> EditableAsync<T>(IKamDb db, ICurrentUser me, string codes, Guid id, Guid? version, CancellationToken ct)
        where T : Entity, IVersionedScheme
    {
        var scheme = await db.Read<T>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
            return Error.NotFound($"{codes}.scheme_not_found");
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden($"{codes}.read_only");
        if (!AppraisalAccess.IsOpen(scheme.Status))
            return Error.Conflict($"{codes}.scheme_locked");
        if (version is not { } seen)
            return Error.Validation("version", "field.version_required");
        if (seen != scheme.Version)
            return Error.Conflict();
        db.Entry(scheme).Property(s => s.Version).OriginalValue = seen;
        return scheme;
    }

    /// <summary>Submits an open scheme to the executive through the approval engine.</summary>
    public static async Task<Result> SubmitAsync<T>(IKamDb db, ICurrentUser me, ApprovalEngine engine, string documentType, string codes, Guid id,
        SchemeActionInput input, CancellationToken ct)
        where T : Entity, IVersionedScheme
    {
        var scheme = await db.Read<T>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
            return Error.NotFound($"{codes}.scheme_not_found");
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden($"{codes}.read_only");
        if (input.Version is { } version && version != scheme.Version)
            return Error.Conflict();
        if (!AppraisalAccess.IsOpen(scheme.Status))
            return Error.Conflict($"{codes}.scheme_locked");
        if (input.Note?.Length > 500)
            return Error.Validation("note", "field.too_long", 0, 500);
        if (input.Version is { } seen)
            db.Entry(scheme).Property(s => s.Version).OriginalValue = seen;
        scheme.Status = SchemeStatus.UnderReview;
        var request = await engine.SubmitAsync(new ApprovalSubmission(documentType, scheme.Id, null,
            $"{scheme.Name} ({Period.MonthOf(scheme.FromMonth)}, v{scheme.Revision})", new ApprovalFacts(null, false), input.Note), ct);
        scheme.ApprovalId = request.Id;
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    /// <summary>An approval's end: approved → locked and in force from its month; rejected → back to its author; withdrawn → draft.</summary>
    public static void Decide(IVersionedScheme? scheme, ApprovalStatus outcome, DateTimeOffset now)
    {
        if (scheme is null || scheme.Status != SchemeStatus.UnderReview)
            return;
        scheme.Status = outcome switch
        {
            ApprovalStatus.Approved => SchemeStatus.Approved,
            ApprovalStatus.Rejected => SchemeStatus.Rejected,
            _ => SchemeStatus.Draft,
        };
        if (scheme.Status == SchemeStatus.Approved)
            scheme.ApprovedAt = now;
    }
}
