using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Appraisals;

public sealed record SchemeInput(string? Name, string? Role, string? FromMonth, SchemeDefinition? Definition, Guid? Version);

public sealed record SchemeActionInput(Guid? Version, string? Note);

public sealed record SchemeView(Guid Id, string Name, string Role, string FromMonth, int Revision, Guid? PreviousId, SchemeStatus Status, Guid? ApprovalId,
    DateTimeOffset? ApprovedAt, SchemeDefinition Definition, bool InForce, bool CanEdit, Guid Version);

/// <summary>
/// The appraisal schemes (考核方案): listed and read by everyone; drafted and edited by the head or the assistant while a
/// draft or back from rejection; submitted to the executive (document type <c>appraisal_scheme</c>); locked once
/// approved, and changed for a later month through a new revision.
/// </summary>
public sealed class Schemes(IKamDb db, ICurrentUser me, ApprovalEngine engine, TimeProvider clock)
{
    public async Task<IReadOnlyList<SchemeView>> List(CancellationToken ct = default)
    {
        var all = await db.Read<AppraisalScheme>().AsNoTracking().OrderBy(s => s.Role).ThenByDescending(s => s.Revision).ToListAsync(ct);
        var month = Period.MonthOf(clock.Today()).Start;
        var inForce = InForce(all, month);
        return all.Select(s => View(s, inForce.Contains(s.Id))).ToList();
    }

    public async Task<Result<SchemeView>> Get(Guid id, CancellationToken ct = default)
    {
        var scheme = await db.Read<AppraisalScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
            return Error.NotFound("appraisal.scheme_not_found");
        var current = await ForMonthAsync(db, scheme.Role, Period.MonthOf(clock.Today()).Start, ct);
        return View(scheme, current?.Id == scheme.Id);
    }

    /// <summary>The approved scheme of a role a month is appraised under: the latest start not after it.</summary>
    public static Task<AppraisalScheme?> ForMonthAsync(IKamDb db, string role, DateOnly month, CancellationToken ct) =>
        db.Unscoped<AppraisalScheme>().AsNoTracking().Where(s => s.Role == role && s.Status == SchemeStatus.Approved && s.FromMonth <= month)
            .OrderByDescending(s => s.FromMonth).ThenByDescending(s => s.Revision).FirstOrDefaultAsync(ct);

    private static HashSet<Guid> InForce(List<AppraisalScheme> all, DateOnly month) =>
        all.Where(s => s.Status == SchemeStatus.Approved && s.FromMonth <= month).GroupBy(s => s.Role)
            .Select(g => g.OrderByDescending(s => s.FromMonth).ThenByDescending(s => s.Revision).First().Id).ToHashSet();

    private SchemeView View(AppraisalScheme s, bool inForce) => new(s.Id, s.Name, s.Role, Period.MonthOf(s.FromMonth).ToString(), s.Revision, s.PreviousId, s.Status,
        s.ApprovalId, s.ApprovedAt, SchemeRules.Parse(s.Definition), inForce, AppraisalAccess.Drafts(me) && AppraisalAccess.IsOpen(s.Status), s.Version);

    public async Task<Result<Guid>> Create(SchemeInput input, CancellationToken ct = default)
    {
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden("appraisal.read_only");
        if (Check(input) is { } invalid)
            return invalid;
        var role = input.Role!;
        var revision = (await db.Unscoped<AppraisalScheme>().Where(s => s.Role == role).MaxAsync(s => (int?)s.Revision, ct) ?? 0) + 1;
        var scheme = new AppraisalScheme { Role = role, Revision = revision, Status = SchemeStatus.Draft };
        Apply(scheme, input);
        db.Unscoped<AppraisalScheme>().Add(scheme);
        // Two drafts started at once meet the unique (role, revision) key: one wins, the other gets 409.
        await db.SaveChangesAsync(ct);
        return scheme.Id;
    }

    public async Task<Result> Update(Guid id, SchemeInput input, CancellationToken ct = default)
    {
        var found = await SchemeSteps.EditableAsync<AppraisalScheme>(db, me, "appraisal", id, input.Version, ct);
        if (!found.IsSuccess)
            return found.Error!;
        if (Check(input with { Role = found.Value.Role }) is { } invalid)
            return invalid;
        Apply(found.Value, input);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    public Task<Result> Submit(Guid id, SchemeActionInput input, CancellationToken ct = default) =>
        SchemeSteps.SubmitAsync<AppraisalScheme>(db, me, engine, ApprovalDocuments.AppraisalScheme, "appraisal", id, input, ct);

    /// <summary>A new draft revision copied from a scheme (for a later month), to be approved again.</summary>
    public async Task<Result<Guid>> Revise(Guid id, CancellationToken ct = default)
    {
        var scheme = await db.Read<AppraisalScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
            return Error.NotFound("appraisal.scheme_not_found");
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden("appraisal.read_only");
        if (scheme.Status != SchemeStatus.Approved)
            return Error.Conflict("appraisal.revise_approved_only");
        var role = scheme.Role;
        if (await db.Unscoped<AppraisalScheme>().AnyAsync(s => s.Role == role && (s.Status == SchemeStatus.Draft || s.Status == SchemeStatus.UnderReview || s.Status == SchemeStatus.Rejected), ct))
            return Error.Conflict("appraisal.revision_open");
        var latest = await db.Unscoped<AppraisalScheme>().Where(s => s.Role == role).MaxAsync(s => s.Revision, ct);
        var from = Period.MonthOf(clock.Today()).Start.AddMonths(1);
        var next = new AppraisalScheme
        {
            Name = scheme.Name,
            Role = role,
            FromMonth = from > scheme.FromMonth ? from : scheme.FromMonth.AddMonths(1),
            Revision = latest + 1,
            PreviousId = scheme.Id,
            Status = SchemeStatus.Draft,
            Definition = scheme.Definition,
        };
        db.Unscoped<AppraisalScheme>().Add(next);
        await db.SaveChangesAsync(ct);
        return next.Id;
    }

    private static void Apply(AppraisalScheme scheme, SchemeInput input)
    {
        scheme.Name = input.Name!.Trim();
        scheme.FromMonth = Period.Parse(input.FromMonth)!.Start;
        var d = input.Definition!;
        scheme.Definition = SchemeRules.Write(d with
        {
            Indicators = d.Indicators.Select(i => i with
            {
                Code = i.Code.Trim(),
                Name = i.Name.Trim(),
                Metric = i.Source == IndicatorSource.Target ? i.Metric : null,
                Rule = i.Source == IndicatorSource.Rated ? null : i.Rule
            }).ToList(),
            Grades = d.Grades.Select(g => g with { Grade = g.Grade.Trim() }).OrderByDescending(g => g.MinScore).ToList(),
        });
    }

    private static Error? Check(SchemeInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
            errors.Add(new("name", "field.too_long", 1, 200));
        if (input.Role is null || !AppraisalAccess.AppraisedRoles.Contains(input.Role))
            errors.Add(new("role", "field.invalid"));
        if (Period.Parse(input.FromMonth) is not { Kind: PeriodKind.Month })
            errors.Add(new("fromMonth", "target.period_invalid"));
        errors.AddRange(SchemeRules.Validate(input.Definition).Select(e => e with { Field = $"definition.{e.Field}" }));
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}

/// <summary>What a scheme does when its approval ends: approved → locked and in force from its month; rejected → back to
/// its author; withdrawn → draft.</summary>
public sealed class SchemeApproval(IKamDb db, TimeProvider clock) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.AppraisalScheme;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct) =>
        SchemeSteps.Decide(await db.Unscoped<AppraisalScheme>().FirstOrDefaultAsync(s => s.Id == request.DocumentId, ct), outcome, clock.GetUtcNow());

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<AppraisalScheme>().AnyAsync(s => s.Id == documentId, ct);

    public string Link(Guid documentId) => $"/appraisal-schemes/{documentId}";
}
