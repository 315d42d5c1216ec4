using Kam.Core.Appraisals;
using Kam.Core.Approvals;
using Kam.Core.Common;
using Kam.Core.Targets;
using Microsoft.EntityFrameworkCore;

namespace Kam.Core.Commission;

public sealed record CommissionSchemeInput(string? Name, string? FromMonth, CommissionDefinition? Definition, Guid? Version);

public sealed record CommissionSchemeView(Guid Id, string Name, string FromMonth, int Revision, Guid? PreviousId, SchemeStatus Status, Guid? ApprovalId,
    DateTimeOffset? ApprovedAt, CommissionDefinition Definition, bool InForce, bool CanEdit, Guid Version);

/// <summary>
/// The commission schemes (提成方案): read by everyone, drafted by the head or the assistant (参与制作), submitted to the
/// executive (document type <c>commission_scheme</c>), locked once approved; a later month's through a new revision. A
/// month is computed under the approved scheme with the latest start not after it.
/// </summary>
public sealed class CommissionSchemes(IKamDb db, ICurrentUser me, ApprovalEngine engine, TimeProvider clock)
{
    public async Task<IReadOnlyList<CommissionSchemeView>> List(CancellationToken ct = default)
    {
        var all = await db.Read<CommissionScheme>().AsNoTracking().OrderByDescending(s => s.Revision).ToListAsync(ct);
        var current = await ForMonthAsync(db, Period.MonthOf(clock.Today()).Start, ct);
        return all.Select(s => View(s, s.Id == current?.Id)).ToList();
    }

    public async Task<Result<CommissionSchemeView>> Get(Guid id, CancellationToken ct = default)
    {
        var scheme = await db.Read<CommissionScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
            return Error.NotFound("commission.scheme_not_found");
        var current = await ForMonthAsync(db, Period.MonthOf(clock.Today()).Start, ct);
        return View(scheme, current?.Id == scheme.Id);
    }

    public static Task<CommissionScheme?> ForMonthAsync(IKamDb db, DateOnly month, CancellationToken ct) =>
        db.Unscoped<CommissionScheme>().AsNoTracking().Where(s => s.Status == SchemeStatus.Approved && s.FromMonth <= month)
            .OrderByDescending(s => s.FromMonth).ThenByDescending(s => s.Revision).FirstOrDefaultAsync(ct);

    private CommissionSchemeView View(CommissionScheme s, bool inForce) => new(s.Id, s.Name, Period.MonthOf(s.FromMonth).ToString(), s.Revision, s.PreviousId, s.Status,
        s.ApprovalId, s.ApprovedAt, CommissionRules.Parse(s.Definition), inForce, AppraisalAccess.Drafts(me) && AppraisalAccess.IsOpen(s.Status), s.Version);

    public async Task<Result<Guid>> Create(CommissionSchemeInput input, CancellationToken ct = default)
    {
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden("commission.read_only");
        if (Check(input) is { } invalid)
            return invalid;
        var revision = (await db.Unscoped<CommissionScheme>().MaxAsync(s => (int?)s.Revision, ct) ?? 0) + 1;
        var scheme = new CommissionScheme { Revision = revision, Status = SchemeStatus.Draft };
        Apply(scheme, input);
        db.Unscoped<CommissionScheme>().Add(scheme);
        // Two drafts at once meet the unique revision: one wins, the other gets 409.
        await db.SaveChangesAsync(ct);
        return scheme.Id;
    }

    public async Task<Result> Update(Guid id, CommissionSchemeInput input, CancellationToken ct = default)
    {
        var found = await SchemeSteps.EditableAsync<CommissionScheme>(db, me, "commission", id, input.Version, ct);
        if (!found.IsSuccess)
            return found.Error!;
        if (Check(input) is { } invalid)
            return invalid;
        Apply(found.Value, input);
        return await db.SaveOrConflictAsync(ct) is { } conflict ? conflict : Result.Success;
    }

    public Task<Result> Submit(Guid id, SchemeActionInput input, CancellationToken ct = default) =>
        SchemeSteps.SubmitAsync<CommissionScheme>(db, me, engine, ApprovalDocuments.CommissionScheme, "commission", id, input, ct);

    public async Task<Result<Guid>> Revise(Guid id, CancellationToken ct = default)
    {
        var scheme = await db.Read<CommissionScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null)
            return Error.NotFound("commission.scheme_not_found");
        if (!AppraisalAccess.Drafts(me))
            return Error.Forbidden("commission.read_only");
        if (scheme.Status != SchemeStatus.Approved)
            return Error.Conflict("commission.revise_approved_only");
        if (await db.Unscoped<CommissionScheme>().AnyAsync(s => s.Status == SchemeStatus.Draft || s.Status == SchemeStatus.UnderReview || s.Status == SchemeStatus.Rejected, ct))
            return Error.Conflict("commission.revision_open");
        var latest = await db.Unscoped<CommissionScheme>().MaxAsync(s => s.Revision, ct);
        var from = Period.MonthOf(clock.Today()).Start.AddMonths(1);
        var next = new CommissionScheme
        {
            Name = scheme.Name,
            FromMonth = from > scheme.FromMonth ? from : scheme.FromMonth.AddMonths(1),
            Revision = latest + 1,
            PreviousId = scheme.Id,
            Status = SchemeStatus.Draft,
            Definition = scheme.Definition,
        };
        db.Unscoped<CommissionScheme>().Add(next);
        await db.SaveChangesAsync(ct);
        return next.Id;
    }

    private static void Apply(CommissionScheme scheme, CommissionSchemeInput input)
    {
        scheme.Name = input.Name!.Trim();
        scheme.FromMonth = Period.Parse(input.FromMonth)!.Start;
        scheme.Definition = CommissionRules.Write(input.Definition!);
    }

    private static Error? Check(CommissionSchemeInput input)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 200)
            errors.Add(new("name", "field.too_long", 1, 200));
        if (Period.Parse(input.FromMonth) is not { Kind: PeriodKind.Month })
            errors.Add(new("fromMonth", "target.period_invalid"));
        errors.AddRange(CommissionRules.Validate(input.Definition).Select(e => e with { Field = $"definition.{e.Field}" }));
        return errors.Count > 0 ? Error.Validation(errors) : null;
    }
}

/// <summary>What a commission scheme does when its approval ends: approved → locked and in force from its month.</summary>
public sealed class CommissionSchemeApproval(IKamDb db, TimeProvider clock) : IApprovalDocument
{
    public string DocumentType => ApprovalDocuments.CommissionScheme;

    public async Task ApplyAsync(ApprovalRequest request, ApprovalStatus outcome, CancellationToken ct) =>
        SchemeSteps.Decide(await db.Unscoped<CommissionScheme>().FirstOrDefaultAsync(s => s.Id == request.DocumentId, ct), outcome, clock.GetUtcNow());

    public Task<bool> VisibleAsync(Guid documentId, CancellationToken ct) => db.Read<CommissionScheme>().AnyAsync(s => s.Id == documentId, ct);

    public string Link(Guid documentId) => $"/commission-schemes/{documentId}";
}
